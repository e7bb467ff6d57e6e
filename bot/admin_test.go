package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestIsAdmin(t *testing.T) {
	roles := []string{"10", "11"}
	tests := []struct {
		name   string
		member *discordgo.Member
		want   bool
	}{
		{"no member (DM)", nil, false},
		{"plain member", &discordgo.Member{Permissions: discordgo.PermissionSendMessages, Roles: []string{"9"}}, false},
		{"manage server", &discordgo.Member{Permissions: discordgo.PermissionManageGuild}, true},
		{"administrator", &discordgo.Member{Permissions: discordgo.PermissionAdministrator}, true},
		{"manage channels is not enough", &discordgo.Member{Permissions: discordgo.PermissionManageChannels}, false},
		{"admin role", &discordgo.Member{Roles: []string{"9", "11"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isAdmin(tt.member, roles); got != tt.want {
				t.Errorf("isAdmin = %v, want %v", got, tt.want)
			}
		})
	}
}
