import type { Logger, MailMessage } from '@mosaic/kit';
import type { Context } from '../context';
import type { InvitationRow, OrganizationRow } from '../data/tables';

/** The invitation as mailed: who invites, to what, with the role, the accept link (carrying the token) and when it expires. */
export function invitationMail(invitation: InvitationRow, organization: Pick<OrganizationRow, 'name'>, token: string, acceptUrl: string): MailMessage {
  const link = new URL(acceptUrl);
  link.searchParams.set('token', token);
  return {
    to: invitation.email,
    subject: `You are invited to ${organization.name} on Mosaic`,
    text: [
      `You have been invited to join ${organization.name} on Mosaic as ${invitation.role}.`,
      '',
      `Accept the invitation (sign in or create an account first): ${link.toString()}`,
      '',
      `The link works once and expires at ${invitation.expiresAt.toISOString()}. If you did not expect it, ignore this mail.`,
    ].join('\n'),
  };
}

/**
 * Mails the invitation after its transaction committed. A mail that cannot be sent does not undo
 * the invitation: the inviter still holds the token (`InvitationCreated.token`) to pass on.
 */
export async function mailInvitation(ctx: Pick<Context, 'mailer' | 'settings'> & { log: Logger }, invitation: InvitationRow, organization: Pick<OrganizationRow, 'name'>, token: string): Promise<void> {
  try {
    await ctx.mailer.send(invitationMail(invitation, organization, token, ctx.settings.mail.invitationUrl));
  } catch (error) {
    ctx.log.warn({ err: error, invitationId: invitation.id }, 'the invitation mail could not be sent; the inviter has the token');
  }
}
