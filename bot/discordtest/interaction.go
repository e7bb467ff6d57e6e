package discordtest

import (
	"encoding/json"
	"sort"
	"strconv"
)

// Discord permission bits the tests need.
const (
	PermAdministrator  = 1 << 3
	PermManageChannels = 1 << 4
	PermManageGuild    = 1 << 5
	PermViewChannel    = 1 << 10
	PermSendMessages   = 1 << 11
	PermEmbedLinks     = 1 << 14
	// PermPost is what a bot needs to post digests in a channel.
	PermPost = PermViewChannel | PermSendMessages | PermEmbedLinks
)

// Invocation is one use of a slash command, an autocomplete request when
// Focused names the option being typed, or a press of a button when
// CustomID is set.
type Invocation struct {
	Command     string
	CustomID    string         // the pressed button's custom ID
	MessageID   string         // the message the button is on
	Sub         string         // subcommand, if any
	Options     map[string]any // string, bool or int values
	Focused     string
	GuildID     string // default DefaultGuildID
	ChannelID   string // default "400000000000000001"
	UserID      string // default "500000000000000001"
	Permissions int64
	Roles       []string
	Token       string // default generated; set it to aim RateLimitNext at this interaction
	// AppPermissions are the bot's permissions in the invoking channel;
	// 0 means PermPost.
	AppPermissions int64
	// Channels are the channel IDs among Options, with the invoking
	// member's permissions in each, as Discord resolves channel options.
	Channels map[string]int64
}

// Interaction returns the JSON of inv as Discord sends it, and its token.
func (s *Server) Interaction(inv Invocation) (body []byte, token string) {
	s.mu.Lock()
	id := s.id()
	s.mu.Unlock()
	token = inv.Token
	if token == "" {
		token = "token-" + id
	}
	body, err := json.Marshal(interactionPayload(inv, id, token))
	if err != nil {
		panic("discordtest: interaction: " + err.Error())
	}
	return body, token
}

// Invoke dispatches inv to the bot as INTERACTION_CREATE over the gateway
// and returns its token.
func (s *Server) Invoke(inv Invocation) string {
	s.mu.Lock()
	id := s.id()
	token := inv.Token
	if token == "" {
		token = "token-" + id
	}
	s.issued[token] = true
	s.mu.Unlock()
	s.Dispatch("INTERACTION_CREATE", interactionPayload(inv, id, token))
	return token
}

// Edits returns the successful edits of an interaction's original reply.
func (s *Server) Edits(token string) []Request {
	var out []Request
	for _, r := range s.Requests("PATCH", "/"+token+"/messages/@original") {
		if r.Status == 200 {
			out = append(out, r)
		}
	}
	return out
}

// Callback returns an interaction's acknowledgement, if it has come.
func (s *Server) Callback(token string) (Request, bool) {
	rs := s.Requests("POST", "/"+token+"/callback")
	if len(rs) == 0 {
		return Request{}, false
	}
	return rs[0], true
}

func interactionPayload(inv Invocation, id, token string) map[string]any {
	def := func(v, d string) string {
		if v == "" {
			return d
		}
		return v
	}
	kind := 2 // application command
	if inv.Focused != "" {
		kind = 4 // autocomplete
	}
	opts := options(inv.Options, inv.Focused, inv.Channels)
	if inv.Sub != "" {
		opts = []map[string]any{{"type": 1, "name": inv.Sub, "options": opts}}
	}
	roles := inv.Roles
	if roles == nil {
		roles = []string{}
	}
	app := inv.AppPermissions
	if app == 0 {
		app = PermPost
	}
	data := map[string]any{"id": "600000000000000001", "name": inv.Command, "type": 1, "options": opts}
	if len(inv.Channels) > 0 {
		resolved := map[string]any{}
		for id, p := range inv.Channels {
			resolved[id] = map[string]any{"id": id, "name": "channel-" + id, "type": 0, "permissions": strconv.FormatInt(p, 10)}
		}
		data["resolved"] = map[string]any{"channels": resolved}
	}
	var msg map[string]any
	if inv.CustomID != "" {
		kind = 3 // message component
		data = map[string]any{"custom_id": inv.CustomID, "component_type": 2}
		msg = map[string]any{"id": def(inv.MessageID, "900000000000000001"), "channel_id": def(inv.ChannelID, "400000000000000001")}
	}
	return map[string]any{
		"id": id, "application_id": AppID, "type": kind, "token": token, "version": 1, "message": msg,
		"guild_id": def(inv.GuildID, DefaultGuildID), "channel_id": def(inv.ChannelID, "400000000000000001"),
		"member": map[string]any{
			"user":        map[string]any{"id": def(inv.UserID, "500000000000000001"), "username": "tester", "discriminator": "0"},
			"roles":       roles,
			"permissions": strconv.FormatInt(inv.Permissions, 10),
			"joined_at":   "2024-01-01T00:00:00Z",
		},
		"app_permissions": strconv.FormatInt(app, 10),
		"data":            data,
	}
}

// options renders option values in name order with their Discord types;
// a string that is one of channels is a channel option.
func options(values map[string]any, focused string, channels map[string]int64) []map[string]any {
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names)
	out := []map[string]any{}
	for _, n := range names {
		o := map[string]any{"name": n, "value": values[n]}
		switch values[n].(type) {
		case bool:
			o["type"] = 5
		case int:
			o["type"] = 4
		default:
			o["type"] = 3
			if id, ok := values[n].(string); ok {
				if _, isChannel := channels[id]; isChannel {
					o["type"] = 7
				}
			}
		}
		if n == focused {
			o["focused"] = true
		}
		out = append(out, o)
	}
	return out
}
