CREATE TABLE "chat"."thread_followers" (
	"root_message_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_message_id" uuid,
	CONSTRAINT "thread_followers_root_message_id_user_id_pk" PRIMARY KEY("root_message_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "chat"."threads" (
	"root_message_id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"reply_count" integer NOT NULL,
	"last_reply_id" uuid NOT NULL,
	"last_reply_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD COLUMN "thread_root_id" uuid;--> statement-breakpoint
ALTER TABLE "chat"."thread_followers" ADD CONSTRAINT "thread_followers_root_message_id_messages_id_fk" FOREIGN KEY ("root_message_id") REFERENCES "chat"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat"."threads" ADD CONSTRAINT "threads_root_message_id_messages_id_fk" FOREIGN KEY ("root_message_id") REFERENCES "chat"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat"."threads" ADD CONSTRAINT "threads_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "chat"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "thread_followers_user_idx" ON "chat"."thread_followers" USING btree ("user_id","root_message_id");--> statement-breakpoint
CREATE INDEX "threads_room_last_reply_idx" ON "chat"."threads" USING btree ("room_id","last_reply_id");--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_thread_root_fk" FOREIGN KEY ("thread_root_id") REFERENCES "chat"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "chat"."messages" USING btree ("thread_root_id","id");