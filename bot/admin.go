package bot

import (
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
