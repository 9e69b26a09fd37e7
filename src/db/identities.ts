/** Who is who: identities, channel links and role links to delegations. */
import type { Database, Tx } from "./client.ts";
import type { ChannelLinkRow, IdentityRow, Role, RoleLinkRow } from "../domain/types.ts";

export function identitiesRepo(db: Database) {
  const p = db.prisma;
  return {
    find: (platform: string, userId: string): Promise<IdentityRow | null> => p.identity.findUnique({ where: { platform_userId: { platform, userId } } }),
    channel: (platform: string, channelId: string): Promise<ChannelLinkRow | null> => p.channelLink.findUnique({ where: { platform_channelId: { platform, channelId } } }),
    roles: (platform: string, roleIds: string[]): Promise<RoleLinkRow[]> =>
      roleIds.length ? p.roleLink.findMany({ where: { platform, roleId: { in: roleIds } } }) : Promise.resolve([]),
    linkUser: (tx: Tx, platform: string, userId: string, role: Role, stateCode: string | null): Promise<IdentityRow> =>
      tx.identity.upsert({
        where: { platform_userId: { platform, userId } },
        create: { platform, userId, role, stateCode },
        update: { role, stateCode },
      }),
    linkChannel: (tx: Tx, platform: string, channelId: string, stateCode: string): Promise<ChannelLinkRow> =>
      tx.channelLink.upsert({
        where: { platform_channelId: { platform, channelId } },
        create: { platform, channelId, stateCode },
        update: { stateCode },
      }),
    linkRole: (tx: Tx, platform: string, roleId: string, stateCode: string): Promise<RoleLinkRow> =>
      tx.roleLink.upsert({ where: { platform_roleId: { platform, roleId } }, create: { platform, roleId, stateCode }, update: { stateCode } }),
    channelsOf: (stateCode: string): Promise<ChannelLinkRow[]> => p.channelLink.findMany({ where: { stateCode } }),
    allChannels: (): Promise<ChannelLinkRow[]> => p.channelLink.findMany(),
  };
}
