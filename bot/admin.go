package bot

import (
	"context"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// adminPermissions are the permission bits that make a member an admin of
// storybot: Manage Server, or Administrator.
const adminPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// isAdmin reports whether the member who invoked an interaction may run
// admin commands: the interaction's resolved permissions, or one of the
// configured admin roles. Discord's default_member_permissions gate can be
// overridden per role by server owners, so this is checked on every call.
func isAdmin(m *discordgo.Member, adminRoleIDs []string) bool {
	if m == nil {
		return false
	}
	if m.Permissions&adminPermissions != 0 {
		return true
	}
	for _, r := range m.Roles {
		if slices.Contains(adminRoleIDs, r) {
			return true
		}
	}
	return false
}

// isManager reports whether a member may add and remove tracked stories:
// an admin, or a member who can manage channels (digests post to them).
func isManager(m *discordgo.Member, adminRoleIDs []string) bool {
	return isAdmin(m, adminRoleIDs) || m != nil && m.Permissions&discordgo.PermissionManageChannels != 0
}

// Permissions in a digest channel: the bot posts embeds there, and the
// member who points digests at it must at least see it.
const (
	botDigestPermissions    = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks
	memberDigestPermissions = discordgo.PermissionViewChannel
)

// has reports whether perms include all of want; Administrator has all.
func has(perms, want int64) bool {
	return perms&discordgo.PermissionAdministrator != 0 || perms&want == want
}

// checkDigestChannel refuses a digest channel the member cannot view or
// the bot cannot post embeds in. The member's permissions come from the
// interaction (the invoking channel's, or Discord's resolved permissions
// for a channel option); the bot's from the interaction for the invoking
// channel, else from the channel, guild and member over REST.
func (b *Bot) checkDigestChannel(ctx context.Context, c *call, channel string) error {
	member, bot := c.i.Member.Permissions, c.i.AppPermissions
	if channel != c.i.ChannelID {
		p, ok := c.channelPerms[channel]
		if !ok {
			return tellUser("I could not check your permissions in <#%s>; pick the channel from the list.", channel)
		}
		member = p
		var err error
		bot, err = b.session.UserChannelPermissions(b.userID, channel, discordgo.WithContext(ctx))
		if err != nil {
			b.log.Info("digest channel unreadable", "guild_id", c.guild, "channel_id", channel, "error", err)
			return tellUser("I cannot see <#%s>. Give storybot View Channel, Send Messages and Embed Links there, or pick another channel.", channel)
		}
	}
	if !has(member, memberDigestPermissions) {
		return tellUser("You cannot view <#%s>, so you cannot send digests there.", channel)
	}
	if !has(bot, botDigestPermissions) {
		return tellUser("I cannot post in <#%s>: storybot needs View Channel, Send Messages and Embed Links there.", channel)
	}
	return nil
}
