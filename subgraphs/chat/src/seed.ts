import type { SeedContext } from '@mosaic/kit';
import { seedChatAttachment } from './seed-attachments';

const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;
const SEND_MESSAGE = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
const JOIN = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { id } }`;
const MEMBERS = `query($id: ID!) { room(id: $id) { members { edges { node { role user { id } } } } } }`;
const OPEN_DM = `mutation($userIds: [ID!]!) { openDirectConversation(userIds: $userIds) { id } }`;
const MARK_READ = `mutation($roomId: ID!) { markRoomRead(roomId: $roomId) { id } }`;
const SET_PRESENCE = `mutation { setPresence(status: ONLINE, clientId: "seed") { status } }`;

type Members = { room: { members: { edges: { node: { role: string; user: { id: string } } }[] } } };

/**
 * A public "Lobby" owned by the demo user, which the demo admin joined; and a direct conversation
 * between them with a thread and mentions (chat knows users only by id: the Lobby's member list
 * tells it theirs). The admin has read the conversation, so the demo user's messages show
 * `readBy`; and the admin is ONLINE — for one presence lease (a minute) after the seed, since
 * presence lives only as long as someone's heartbeats.
 */
export async function seedChat(seed: SeedContext): Promise<void> {
  const { createRoom } = await seed.graphql<{ createRoom: { id: string } }>(CREATE_ROOM, { input: { name: 'Lobby', visibility: 'PUBLIC', description: 'Say hello!' } }, 'user');
  const text = 'Welcome to Mosaic chat. Subscribe to messageEvents for this room and post from another tab.';
  await seed.graphql(SEND_MESSAGE, { input: { roomId: createRoom.id, text } }, 'user');
  await seed.graphql(JOIN, { roomId: createRoom.id }, 'admin');

  const members = (await seed.graphql<Members>(MEMBERS, { id: createRoom.id }, 'user')).room.members.edges.map((edge) => edge.node);
  const user = members.find((member) => member.role === 'OWNER')!.user.id;
  const admin = members.find((member) => member.role === 'MEMBER')!.user.id;
  const { openDirectConversation: dm } = await seed.graphql<{ openDirectConversation: { id: string } }>(OPEN_DM, { userIds: [admin] }, 'user');
  const send = async (as: 'user' | 'admin', text: string, threadRootId?: string) =>
    (await seed.graphql<{ sendMessage: { id: string } }>(SEND_MESSAGE, { input: { roomId: dm.id, text, threadRootId } }, as)).sendMessage.id;
  const root = await send('user', `Hi <@${admin}>, could you look at the release notes before Friday?`);
  await send('admin', `Sure <@${user}>, after lunch. Anything in particular?`, root);
  await send('user', 'The migration section: is the order of steps right?', root);
  await send('admin', 'Looks good to me.');
  await seed.graphql(MARK_READ, { roomId: dm.id }, 'admin');
  await seed.graphql(SET_PRESENCE, {}, 'admin');
  await seedChatAttachment(seed, createRoom.id, user);
}
