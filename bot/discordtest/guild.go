package discordtest

import (
	"net/http"
	"strconv"
)

// Guild is a server as the REST API shows it to the bot, enough for the
// bot to work out its permissions in a channel: roles with their
// permissions (the role whose ID is the guild's is @everyone), each
// member's roles, and each channel's permission overwrites.
type Guild struct {
	ID       string
	OwnerID  string
	Roles    map[string]int64       // role ID → permissions
	Members  map[string][]string    // user ID → role IDs
	Channels map[string][]Overwrite // channel ID → its overwrites
}

// Overwrite is a channel's permission overwrite for a role (Type 0) or a
// member (Type 1).
type Overwrite struct {
	ID          string
	Type        int
	Allow, Deny int64
}

// AddGuild makes g known to the REST API.
func (s *Server) AddGuild(g Guild) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.guilds == nil {
		s.guilds = map[string]Guild{}
	}
	s.guilds[g.ID] = g
}

func perm(p int64) string { return strconv.FormatInt(p, 10) }

// channel answers GET /channels/{id}; the caller holds s.mu.
func (s *Server) channel(id string) (int, any, map[string]string) {
	for _, g := range s.guilds {
		ows, ok := g.Channels[id]
		if !ok {
			continue
		}
		out := []map[string]any{}
		for _, o := range ows {
			out = append(out, map[string]any{"id": o.ID, "type": o.Type, "allow": perm(o.Allow), "deny": perm(o.Deny)})
		}
		return 200, map[string]any{"id": id, "guild_id": g.ID, "type": 0, "name": "channel-" + id, "permission_overwrites": out}, nil
	}
	return http.StatusNotFound, apiError(10003, "Unknown Channel"), nil
}

// guild answers GET /guilds/{id}; the caller holds s.mu.
func (s *Server) guild(id string) (int, any, map[string]string) {
	g, ok := s.guilds[id]
	if !ok {
		return http.StatusNotFound, apiError(10004, "Unknown Guild"), nil
	}
	roles := []map[string]any{}
	for rid, p := range g.Roles {
		roles = append(roles, map[string]any{"id": rid, "name": "role-" + rid, "permissions": perm(p)})
	}
	return 200, map[string]any{"id": g.ID, "name": "guild-" + g.ID, "owner_id": g.OwnerID, "roles": roles}, nil
}

// member answers GET /guilds/{id}/members/{user}; the caller holds s.mu.
func (s *Server) member(guildID, userID string) (int, any, map[string]string) {
	roles, ok := s.guilds[guildID].Members[userID]
	if !ok {
		return http.StatusNotFound, apiError(10007, "Unknown Member"), nil
	}
	return 200, map[string]any{"user": map[string]any{"id": userID, "username": "u" + userID}, "roles": roles, "joined_at": "2024-01-01T00:00:00Z"}, nil
}
