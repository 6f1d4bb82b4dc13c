import type { SeedContext } from '@mosaic/kit';

const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;
const SEND_MESSAGE = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

/** A public "Lobby" room owned by the demo user, with a first message. */
export async function seedChat(seed: SeedContext): Promise<void> {
  const { createRoom } = await seed.graphql<{ createRoom: { id: string } }>(CREATE_ROOM, { input: { name: 'Lobby', visibility: 'PUBLIC', description: 'Say hello!' } }, 'user');
  const text = 'Welcome to Mosaic chat. Subscribe to messageEvents for this room and post from another tab.';
  await seed.graphql(SEND_MESSAGE, { input: { roomId: createRoom.id, text } }, 'user');
}
