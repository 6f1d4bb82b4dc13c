import type { SeedContext } from '@mosaic/kit';

const UPLOAD = `mutation($input: UploadSmallFileInput!) { uploadSmallFile(input: $input) { id } }`;

const WELCOME = `Welcome to Mosaic files.

Upload with POST /files/upload?name=<name> (Authorization: Bearer <token>), or resumably with
any tus client at /files/tus. Ask File.downloadUrl for a signed link that expires.
`;

/** Demo data for `pnpm start`: a text file and a small generated image (which gets a thumbnail) for the demo user. */
export async function seedFiles(seed: SeedContext): Promise<void> {
  await seed.graphql(UPLOAD, { input: { name: 'Welcome.txt', contentBase64: Buffer.from(WELCOME).toString('base64') } }, 'user');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><defs><linearGradient id="g"><stop offset="0" stop-color="#3b82f6"/><stop offset="1" stop-color="#a855f7"/></linearGradient></defs><rect width="640" height="400" fill="url(#g)"/><text x="40" y="220" font-size="72" font-family="sans-serif" fill="white">Mosaic</text></svg>`;
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  await seed.graphql(UPLOAD, { input: { name: 'Mosaic banner.png', contentBase64: png.toString('base64') } }, 'user');
}
