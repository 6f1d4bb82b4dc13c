-- Reference data (hand-written; drizzle-kit generates no data migrations). Fictional companies
-- trade only on the simulated exchange "MOSAIC"; the real tickers carry their Finnhub symbol so the
-- real feed can quote them (the simulator quotes them too). IDs are fixed UUIDv7s, so every
-- database gets the same ones; ON CONFLICT keeps the migration safe to re-run by hand.
INSERT INTO "stocks"."instruments" ("id", "symbol", "name", "exchange", "currency", "price_decimals", "provider_symbol", "created_at") VALUES
	('019b8b74-1800-7679-afe8-9f96cdd907e0', 'ACME', 'Acme Corporation', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1801-784c-a70c-ad0ce921e791', 'GLOBX', 'Globex Corporation', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1802-7753-83d3-81aee296e8e1', 'INITECH', 'Initech Inc.', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1803-7c59-8618-57212b2ee7ab', 'UMBRL', 'Umbrella Corporation', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1804-7a88-8ade-182ef886b670', 'HOOLI', 'Hooli Inc.', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1805-7e70-961b-4b44891bce17', 'CYBDN', 'Cyberdyne Systems', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1806-7a6d-ad0d-2d89ffdab0e5', 'WAYNE', 'Wayne Enterprises', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1807-753e-bb07-c7a25dd3bbe8', 'STARK', 'Stark Industries', 'MOSAIC', 'USD', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1808-7b93-81a4-f8847c2ad4db', 'OCNC', 'Oceanic Airlines', 'MOSAIC', 'EUR', 2, NULL, '2026-01-05T00:00:00Z'),
	('019b8b74-1809-768f-a52d-a3a814992eb3', 'AAPL', 'Apple Inc.', 'XNAS', 'USD', 2, 'AAPL', '2026-01-05T00:00:00Z'),
	('019b8b74-180a-7900-8bb3-515b0829f252', 'MSFT', 'Microsoft Corporation', 'XNAS', 'USD', 2, 'MSFT', '2026-01-05T00:00:00Z'),
	('019b8b74-180b-7859-b578-66e5ecd62588', 'NVDA', 'NVIDIA Corporation', 'XNAS', 'USD', 2, 'NVDA', '2026-01-05T00:00:00Z'),
	('019b8b74-180c-77ae-afad-b73e7aef6a2d', 'AMZN', 'Amazon.com, Inc.', 'XNAS', 'USD', 2, 'AMZN', '2026-01-05T00:00:00Z'),
	('019b8b74-180d-7c19-87dc-9e9c6ee0e32f', 'IBM', 'International Business Machines Corporation', 'XNYS', 'USD', 2, 'IBM', '2026-01-05T00:00:00Z')
ON CONFLICT ("symbol") DO NOTHING;
