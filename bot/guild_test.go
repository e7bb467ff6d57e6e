package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/discordtest"
	"storybot/store"
)

const otherGuild = "300000000000000099"

// TestOtherGuildRefused: with an allow-list, another server's admin can
// neither add sources, re-index, post digests, track stories nor ask, and
// gets a clear refusal; the allowed server is served as before.
func TestOtherGuildRefused(t *testing.T) {
	h := startGatewayWith(t, func(c *Config) { c.AllowedGuildIDs = []string{testGuild} })
	ctx := context.Background()
	if err := h.deps.store.PutStory(ctx, store.Story{GuildID: testGuild, Name: "Leak", Query: "leak", ChannelID: postable}); err != nil {
		t.Fatal(err)
	}
	admin := discordtest.Invocation{GuildID: otherGuild, Permissions: discordtest.PermAdministrator | discordtest.PermManageGuild}
	for _, inv := range []discordtest.Invocation{
		with(admin, "sources", "add", map[string]any{"url": "https://evil.example/feed", "name": "evil"}),
		with(admin, "sources", "remove", map[string]any{"name": "bbc"}),
		with(admin, "reindex", "", nil),
		with(admin, "digest", "", map[string]any{"story": "Leak"}),
		with(admin, "digest", "", nil),
		with(admin, "track", "add", map[string]any{"name": "x", "query": "y"}),
		with(admin, "ask", "", map[string]any{"question": "who reacted to the leak"}),
		with(admin, "status", "", nil),
	} {
		ack := h.ack(t, h.invoke(inv))
		if ack.Type != 4 || ack.Data.Flags != 64 || !strings.Contains(ack.Data.Content, "not enabled for this server") {
			t.Errorf("/%s %s from another server: got type %d flags %d %q, want an ephemeral refusal", inv.Command, inv.Sub, ack.Type, ack.Data.Flags, ack.Data.Content)
		}
	}
	ac := h.ack(t, h.invoke(discordtest.Invocation{GuildID: otherGuild, Command: "ask", Options: map[string]any{"source": ""}, Focused: "source"}))
	if ac.Type != 8 || len(ac.Data.Choices) != 0 {
		t.Errorf("autocomplete from another server: got %+v, want no choices", ac)
	}
	if n := h.deps.reindexer.calls.Load(); n != 0 {
		t.Errorf("reindexer ran %d times, want 0", n)
	}
	if got, _ := h.deps.sources.List(ctx, otherGuild); len(got) != 2 {
		t.Errorf("got sources %+v, want the operator's two only", got)
	}
	if got, _ := h.deps.store.Stories(ctx, otherGuild); len(got) != 0 {
		t.Errorf("got stories %+v tracked for the other server, want none", got)
	}
	if n := len(h.srv.Requests("POST", "/channels/")); n != 0 {
		t.Errorf("got %d channel posts, want none", n)
	}
	if len(h.deps.asker.asked) != 0 {
		t.Errorf("got questions asked %v, want none", h.deps.asker.asked)
	}
	tok := h.invoke(with(discordtest.Invocation{Permissions: discordtest.PermManageGuild}, "sources", "add", map[string]any{"url": "https://ok.example/feed", "name": "ok"}))
	h.replyContaining(t, tok, "Added **ok** for this server")
	if !strings.Contains(h.logs.String(), "interaction from a server not allowed") {
		t.Error("refusals were not logged")
	}
}

// TestGuildScope: without an allow-list each server still keeps to itself:
// its questions and lists are scoped to it, and it cannot remove or post
// another server's sources or stories.
func TestGuildScope(t *testing.T) {
	h := startGateway(t)
	ctx := context.Background()
	a := discordtest.Invocation{Permissions: discordtest.PermManageGuild}
	b := discordtest.Invocation{GuildID: otherGuild, Permissions: discordtest.PermManageGuild}
	h.replyContaining(t, h.invoke(with(a, "sources", "add", map[string]any{"url": "https://a.example/feed?token=s3cret", "name": "a-wire"})), "Added")
	h.replyContaining(t, h.invoke(with(b, "sources", "remove", map[string]any{"name": "a-wire"})), "Could not remove")
	if got, _ := h.deps.sources.List(ctx, testGuild); len(got) != 3 {
		t.Errorf("after the other server's remove: got %d sources, want 3", len(got))
	}
	list := h.reply(t, h.invoke(with(b, "sources", "list", nil)), 1)
	if d := list.Embeds[0].Description; strings.Contains(d, "wire") {
		t.Errorf("the other server's list shows a-wire: %q", d)
	}
	list = h.reply(t, h.invoke(with(a, "sources", "list", nil)), 1)
	if d := list.Embeds[0].Description; !strings.Contains(d, `a\-wire`) || strings.Contains(d, "s3cret") {
		t.Errorf("own list %q: want a-wire with its query string hidden", d)
	}
	if err := h.deps.store.PutStory(ctx, store.Story{GuildID: testGuild, Name: "Leak", Query: "leak", ChannelID: postable}); err != nil {
		t.Fatal(err)
	}
	h.replyContaining(t, h.invoke(with(b, "digest", "", map[string]any{"story": "Leak"})), "no such story here")
	if n := len(h.srv.Messages(postable)); n != 0 {
		t.Errorf("the other server's /digest posted %d messages, want 0", n)
	}
	h.reply(t, h.invoke(with(b, "ask", "", map[string]any{"question": "who reacted"})), 1)
	if g := h.deps.asker.guilds; len(g) != 1 || g[0] != otherGuild {
		t.Errorf("got questions asked for guilds %v, want the asking server's", g)
	}
}

// TestTrackRights: adding or removing a story needs Manage Channels (or
// admin), a digest channel the member can view and the bot can post in,
// and room under the per-server limit.
func TestTrackRights(t *testing.T) {
	h := startGatewayWith(t, func(c *Config) { c.MaxStories = 2 })
	ctx := context.Background()
	member := discordtest.Invocation{Permissions: discordtest.PermViewChannel | discordtest.PermSendMessages}
	boss := discordtest.Invocation{Permissions: manager}
	// add runs /track add and returns the reply, one command at a time.
	add := func(inv discordtest.Invocation, name, channel string, perms int64) string {
		opts := map[string]any{"name": name, "query": "harbour strike"}
		if channel != "" {
			opts["channel"] = channel
			inv.Channels = map[string]int64{channel: perms}
		}
		return h.reply(t, h.invoke(with(inv, "track", "add", opts)), 1).Content
	}
	steps := []struct {
		name, got, want string
	}{
		{"non-manager", add(member, "m", "", 0), "Only members who can manage channels"},
		{"channel the member cannot see", add(boss, "hidden", postable, 0), "You cannot view <#" + postable},
		{"channel the bot cannot post in", add(boss, "mute", unpostable, discordtest.PermViewChannel), "I cannot post in <#" + unpostable},
		{"channel of no guild the bot knows", add(boss, "gone", "800000000000000077", discordtest.PermViewChannel), "I cannot see <#800000000000000077"},
		{"this channel, the bot cannot post", add(discordtest.Invocation{Permissions: manager, AppPermissions: discordtest.PermViewChannel}, "here", "", 0), "I cannot post in <#400000000000000001"},
		{"manager, postable channel", add(boss, "one", postable, discordtest.PermViewChannel), "Tracking **one**"},
		{"admin role, this channel", add(discordtest.Invocation{Roles: []string{adminRole}, Permissions: discordtest.PermViewChannel}, "two", "", 0), "Tracking **two**"},
		{"over the limit", add(boss, "three", postable, discordtest.PermViewChannel), "tracks 2 stories, the most it may"},
	}
	for _, st := range steps {
		if !strings.Contains(st.got, st.want) {
			t.Errorf("%s: got %q, want %q", st.name, st.got, st.want)
		}
	}
	stories, _ := h.deps.store.Stories(ctx, testGuild)
	if len(stories) != 2 {
		t.Errorf("got %d stories stored, want the 2 allowed: %+v", len(stories), stories)
	}
	tok := h.invoke(with(member, "track", "remove", map[string]any{"name": "one"}))
	if got := h.reply(t, tok, 1).Content; !strings.Contains(got, "Only members who can manage channels") {
		t.Errorf("non-manager remove: got %q", got)
	}
	if _, err := h.deps.store.Story(ctx, testGuild, "one"); err != nil {
		t.Errorf("story gone after a refused remove: %v", err)
	}
	if got := h.reply(t, h.invoke(with(member, "track", "list", nil)), 1); len(got.Embeds) != 1 {
		t.Errorf("/track list for a member: got %+v, want the list", got)
	}
}

// TestPanicInCommand: a bug in a command's work gets the user an apology
// and a logged stack; the bot serves the next command.
func TestPanicInCommand(t *testing.T) {
	h := startGateway(t)
	tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "panic"}})
	h.replyContaining(t, tok, "something went wrong on storybot's side")
	if logs := h.logs.String(); !strings.Contains(logs, "assignment to entry in nil map") || !strings.Contains(logs, "goroutine") {
		t.Errorf("log lacks the panic and its stack:\n%.1500s", logs)
	}
	h.reply(t, h.invoke(discordtest.Invocation{Command: "status"}), 1)
}

func TestRefuseGuild(t *testing.T) {
	b := &Bot{cfg: Config{AllowedGuildIDs: []string{"1"}}, log: (&logBuffer{}).logger()}
	tests := []struct {
		guild, want string
	}{
		{"", "servers only"},
		{"2", "not enabled for this server"},
		{"1", ""},
	}
	for _, tt := range tests {
		got := b.refuseGuild(&discordgo.Interaction{GuildID: tt.guild})
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("guild %q: got %q, want %q", tt.guild, got, tt.want)
		}
	}
	open := &Bot{log: b.log}
	if got := open.refuseGuild(&discordgo.Interaction{GuildID: "2"}); got != "" {
		t.Errorf("no allow-list: got %q, want every server served", got)
	}
}

func TestRedactURLs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://feeds.example/rss?token=abc123&x=1", "https://feeds.example/rss?…"},
		{"fetch https://user:pw@feeds.example/a/b?k=v failed", "fetch https://feeds.example/a/b?… failed"},
		{"http://plain.example/feed.xml", "http://plain.example/feed.xml"},
		{"no url here", "no url here"},
	}
	for _, tt := range tests {
		if got := redactURLs(tt.in); got != tt.want {
			t.Errorf("redactURLs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
