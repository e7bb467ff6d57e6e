package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"storybot/answer"
	"storybot/bot/discordtest"
	"storybot/bot/message"
	"storybot/chart"
	"storybot/digest"
)

const (
	testToken = "test-secret-token-Zq9"
	testGuild = "300000000000000001"
	adminRole = "700000000000000001"
	botRole   = "700000000000000002"
	// manager may add and remove tracked stories.
	manager = discordtest.PermManageChannels | discordtest.PermViewChannel
	// Channels of testGuild: the bot may post in the first, not the second.
	postable   = "800000000000000001"
	unpostable = "800000000000000002"
)

// addTestGuild describes testGuild to the stand-in: the bot's role may
// post everywhere but in unpostable, whose overwrite denies it.
func addTestGuild(srv *discordtest.Server) {
	srv.AddGuild(discordtest.Guild{ID: testGuild, OwnerID: "500000000000000999",
		Roles:   map[string]int64{testGuild: 0, botRole: discordtest.PermPost},
		Members: map[string][]string{discordtest.BotUserID: {botRole}},
		Channels: map[string][]discordtest.Overwrite{postable: nil,
			unpostable: {{ID: botRole, Type: 0, Deny: discordtest.PermSendMessages}}}})
}

// sent is a message body the bot sent: a callback's data, an edit or a
// channel message.
type sent struct {
	Type int `json:"type"`
	Data *struct {
		Content         string                    `json:"content"`
		Flags           int                       `json:"flags"`
		AllowedMentions *allowedMentions          `json:"allowed_mentions"`
		Embeds          []*discordgo.MessageEmbed `json:"embeds"`
		Choices         []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"choices"`
	} `json:"data"`
	Content         string                    `json:"content"`
	Embeds          []*discordgo.MessageEmbed `json:"embeds"`
	AllowedMentions *allowedMentions          `json:"allowed_mentions"`
	Nonce           string                    `json:"nonce"`
	EnforceNonce    bool                      `json:"enforce_nonce"`
	Components      []struct {
		Components []struct {
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
			Disabled bool   `json:"disabled"`
		} `json:"components"`
	} `json:"components"`
}

// buttons lists a message's buttons, row by row.
func (s sent) buttons() (labels, ids []string) {
	for _, row := range s.Components {
		for _, b := range row.Components {
			labels, ids = append(labels, b.Label), append(ids, b.CustomID)
		}
	}
	return labels, ids
}

type allowedMentions struct {
	Parse []string `json:"parse"`
}

func decodeSent(t *testing.T, r discordtest.Request) sent {
	t.Helper()
	var s sent
	if err := r.Decode(&s); err != nil {
		t.Fatalf("decode %s %s: %v (%s)", r.Method, r.Path, err, r.Body)
	}
	return s
}

// checkNoMentions fails unless allowed_mentions is present with an empty
// parse list.
func checkNoMentions(t *testing.T, am *allowedMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v, want {parse: []}", am)
	}
}

// checkLimits fails if a message breaks one of Discord's limits; it counts
// independently of Fit.
func checkLimits(t *testing.T, content string, embeds []*discordgo.MessageEmbed) {
	t.Helper()
	n := func(s string) int { return len(utf16.Encode([]rune(s))) }
	if n(content) > 2000 {
		t.Errorf("content is %d characters, limit 2000", n(content))
	}
	if len(embeds) > 10 {
		t.Errorf("%d embeds, limit 10", len(embeds))
	}
	total := 0
	for _, e := range embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed over limits: title %d, description %d, fields %d", n(e.Title), n(e.Description), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description)
		for _, f := range e.Fields {
			if n(f.Name) > 256 || n(f.Value) > 1024 || f.Name == "" || f.Value == "" {
				t.Errorf("field over limits or empty: name %d, value %d", n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
		if e.Footer != nil {
			total += n(e.Footer.Text)
		}
	}
	if total > 6000 {
		t.Errorf("embeds total %d characters, limit 6000", total)
	}
}

// harness is a bot connected to a stand-in.
type harness struct {
	srv   *discordtest.Server
	bot   *Bot
	deps  *testDeps
	logs  *logBuffer
	users atomic.Int64
}

func startGateway(t *testing.T) *harness { return startGatewayWith(t, nil) }

// startGatewayWith starts a bot whose config change has adjusted.
func startGatewayWith(t *testing.T, change func(*Config)) *harness {
	t.Helper()
	h := &harness{srv: discordtest.New(t), deps: newTestDeps(t), logs: &logBuffer{}}
	addTestGuild(h.srv)
	cfg := Config{Token: testToken, APIBaseURL: h.srv.URL(), GuildIDs: []string{testGuild},
		AdminRoleIDs: []string{adminRole}, AskPerMinute: 3, ProgressEvery: time.Millisecond, FirstDigestLookback: 24 * time.Hour}
	if change != nil {
		change(&cfg)
	}
	b, err := New(cfg, h.deps.Deps, h.logs.logger())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.bot = b
	poster, err := message.NewPoster(testToken, h.srv.URL(), h.logs.logger())
	if err != nil {
		t.Fatalf("NewPoster: %v", err)
	}
	h.deps.digests.poster.Store(poster)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.Open(ctx); err != nil {
		t.Fatalf("Open: %v\n%s", err, h.srv)
	}
	t.Cleanup(func() { b.Close() })
	return h
}

// invoke dispatches a command as a fresh user (so the /ask limit of one
// subtest does not spill into another) unless inv names one.
func (h *harness) invoke(inv discordtest.Invocation) string {
	if inv.UserID == "" {
		inv.UserID = fmt.Sprintf("5100000000000%05d", h.users.Add(1))
	}
	return h.srv.Invoke(inv)
}

// reply waits for the n-th edit of an interaction's reply and returns it.
func (h *harness) reply(t *testing.T, token string, n int) sent {
	t.Helper()
	h.srv.Wait(t, fmt.Sprintf("edit %d of %s", n, token), func() bool { return len(h.srv.Edits(token)) >= n })
	return decodeSent(t, h.srv.Edits(token)[n-1])
}

// replyContaining waits for an edit whose content contains want.
func (h *harness) replyContaining(t *testing.T, token, want string) sent {
	t.Helper()
	var got sent
	h.srv.Wait(t, fmt.Sprintf("an edit of %s containing %q", token, want), func() bool {
		for _, r := range h.srv.Edits(token) {
			var s sent
			if json.Unmarshal(r.Body, &s) == nil && strings.Contains(s.Content, want) {
				got = s
				return true
			}
		}
		return false
	})
	return got
}

// ack waits for an interaction's callback and returns it.
func (h *harness) ack(t *testing.T, token string) sent {
	t.Helper()
	h.srv.Wait(t, "callback of "+token, func() bool { _, ok := h.srv.Callback(token); return ok })
	r, _ := h.srv.Callback(token)
	return decodeSent(t, r)
}

// unescaped reports whether bad occurs in s with no backslash before its
// first character.
func unescaped(s, bad string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], bad)
		if j < 0 {
			return false
		}
		if i+j == 0 || s[i+j-1] != '\\' {
			return true
		}
		i += j + 1
	}
}

func longAnswer() answer.Answer {
	passage := strings.Repeat("The mayor said the leak was arrogant and reckless, and the police agreed. ", 40)
	a := answer.Answer{Kind: "who", Answer: "Andy Burnham, Theresa May and the police reacted to the leak [1][2]. " + strings.Repeat("More detail. ", 500)}
	for i := 1; i <= 7; i++ {
		a.Citations = append(a.Citations, answer.Citation{N: i, Title: fmt.Sprintf("Reaction %d to the Manchester leak", i), Source: "bbc",
			URL: fmt.Sprintf("https://news.example/story-%d?x=1", i), Published: "2017-05-25", Passage: passage, Highlights: []string{"leak", "police"}})
		a.Speakers = append(a.Speakers, answer.Speaker{Name: fmt.Sprintf("Speaker %d", i), Role: "mayor", Quote: passage, Citation: i})
	}
	return a
}

func hostileAnswer() answer.Answer {
	return answer.Answer{Answer: "Someone said @everyone should look at **this** [click](https://evil.example)",
		Citations: []answer.Citation{{N: 1, Title: "@here [free nitro](https://evil.example) <@123456789012345678>", Source: "evil <#1>",
			URL: "https://news.example/a", Published: "2024-05-01",
			Passage: "Hi @everyone, **bold** and __underline__ and [masked](https://evil.example/x) and <@&42> and ||spoiler|| and https://discord.gg/abc", Highlights: []string{"bold"}}}}
}

func TestGateway(t *testing.T) {
	h := startGateway(t)
	srv := h.srv

	t.Run("connects without intents and registers every command in one overwrite", func(t *testing.T) {
		if !h.bot.Connected() {
			t.Fatalf("Connected() = false after Open")
		}
		var id struct {
			Token   string `json:"token"`
			Intents *int   `json:"intents"`
		}
		json.Unmarshal(srv.Identify(0), &id)
		if id.Token != "Bot "+testToken || id.Intents == nil || *id.Intents != 0 {
			t.Errorf("identify token %q intents %v, want %q and 0", id.Token, id.Intents, "Bot "+testToken)
		}
		puts := srv.Requests("PUT", "/commands")
		if len(puts) != 1 || puts[0].Path != "/applications/"+discordtest.AppID+"/guilds/"+testGuild+"/commands" {
			t.Fatalf("command registrations = %d (%v), want 1 PUT to the guild", len(puts), puts)
		}
		var cmds []struct {
			Name        string  `json:"name"`
			DefaultPerm *string `json:"default_member_permissions"`
			Options     []struct {
				Name     string `json:"name"`
				Required bool   `json:"required"`
				Options  []struct {
					Name         string `json:"name"`
					Autocomplete bool   `json:"autocomplete"`
				} `json:"options"`
			} `json:"options"`
		}
		if err := puts[0].Decode(&cmds); err != nil {
			t.Fatal(err)
		}
		admin := map[string]bool{"digest": true, "reindex": true, "sources": true}
		var names []string
		for _, c := range cmds {
			names = append(names, c.Name)
			wantPerm := admin[c.Name]
			if gotPerm := c.DefaultPerm != nil && *c.DefaultPerm == "32"; gotPerm != wantPerm {
				t.Errorf("/%s default_member_permissions = %v, want Manage Server (32): %v", c.Name, c.DefaultPerm, wantPerm)
			}
			if c.Name == "ask" && (len(c.Options) != 4 || c.Options[0].Name != "question" || !c.Options[0].Required) {
				t.Errorf("/ask options = %+v, want question (required), source, since, private", c.Options)
			}
			if c.Name == "track" && (len(c.Options) != 4 || len(c.Options[1].Options) != 1 || !c.Options[1].Options[0].Autocomplete) {
				t.Errorf("/track options = %+v, want add, remove (name autocompletes), list, suggest", c.Options)
			}
		}
		if got, want := strings.Join(names, ","), "ask,digest,quotes,reindex,sources,status,story,track"; got != want {
			t.Errorf("registered %s, want %s", got, want)
		}
		if strings.Contains(h.logs.String(), testToken) {
			t.Errorf("the token appears in the logs")
		}
	})

	t.Run("ask is acknowledged then edited with an embed within the limits", func(t *testing.T) {
		h.deps.asker.set("who reacted to the leak", longAnswer())
		tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "who reacted to the leak"}})
		ack := h.ack(t, tok)
		if ack.Type != 5 || ack.Data.Flags != 0 {
			t.Errorf("ack type %d flags %d, want deferred (5), public", ack.Type, ack.Data.Flags)
		}
		msg := h.reply(t, tok, 1)
		checkNoMentions(t, msg.AllowedMentions)
		checkLimits(t, msg.Content, msg.Embeds)
		if len(msg.Embeds) != 1 || len(msg.Embeds[0].Fields) != 5 {
			t.Fatalf("got %d embeds, want 1 with 5 citation fields: %s", len(msg.Embeds), srv)
		}
		e := msg.Embeds[0]
		if e.Title != "who reacted to the leak" || !strings.HasPrefix(e.Description, "Andy Burnham") {
			t.Errorf("title %q description %.40q, want the question and the answer line", e.Title, e.Description)
		}
		f := e.Fields[0]
		if !strings.HasPrefix(f.Name, "1") || !strings.Contains(f.Name, "bbc") || !strings.Contains(f.Name, "2017") {
			t.Errorf("first citation name %q, want number, outlet and date", f.Name)
		}
		if !strings.Contains(f.Value, "](https://news.example/story-1?x=1#:~:text=The%20mayor%20said") || !strings.Contains(f.Value, "**leak**") {
			t.Errorf("first citation %q, want a link to the passage and the matching words in bold", f.Value)
		}
	})

	t.Run("no match says what to try", func(t *testing.T) {
		tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "zebra crossings on mars"}})
		msg := h.reply(t, tok, 1)
		if len(msg.Embeds) != 0 || !strings.Contains(msg.Content, "Try naming a person") {
			t.Errorf("reply %q with %d embeds, want the hint and no embed", msg.Content, len(msg.Embeds))
		}
	})

	t.Run("private ask is ephemeral", func(t *testing.T) {
		tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "anything", "private": true}})
		if ack := h.ack(t, tok); ack.Data.Flags != 64 {
			t.Errorf("ack flags %d, want ephemeral (64)", ack.Data.Flags)
		}
	})

	t.Run("article text cannot ping, format or link", func(t *testing.T) {
		h.deps.asker.set("hostile", hostileAnswer())
		tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "hostile"}})
		msg := h.reply(t, tok, 1)
		checkNoMentions(t, msg.AllowedMentions)
		e := msg.Embeds[0]
		all := e.Description + e.Fields[0].Name + e.Fields[0].Value
		for _, bad := range []string{"@everyone", "@here", "<@1", "<#1", "<@&", "[click](", "[masked](", "[free nitro](", "](https://evil", "||", "__", "https://discord.gg", "https://evil"} {
			if unescaped(all, bad) {
				t.Errorf("reply contains %q unescaped:\n%s", bad, all)
			}
		}
		if !strings.Contains(e.Fields[0].Value, `\*\***bold**\*\*`) {
			t.Errorf("citation %q: want literal asterisks escaped around the bold match", e.Fields[0].Value)
		}
		if !strings.HasPrefix(e.Fields[0].Value, `[@`+zwsp+`here \[free nitro\]`) {
			t.Errorf("citation %q: want the escaped title as the link text", e.Fields[0].Value)
		}
	})

	t.Run("admin command refused to a non-admin runs nothing", func(t *testing.T) {
		tok := h.invoke(discordtest.Invocation{Command: "reindex", Permissions: discordtest.PermSendMessages})
		ack := h.ack(t, tok)
		if ack.Type != 4 || ack.Data.Flags != 64 || !strings.Contains(ack.Data.Content, "Only server admins") {
			t.Errorf("reply type %d flags %d %q, want an ephemeral refusal", ack.Type, ack.Data.Flags, ack.Data.Content)
		}
		checkNoMentions(t, ack.Data.AllowedMentions)
		tok2 := h.invoke(discordtest.Invocation{Command: "sources", Sub: "add", Options: map[string]any{"url": "https://x.example/feed", "name": "x"}})
		h.ack(t, tok2)
		if n := h.deps.reindexer.calls.Load(); n != 0 {
			t.Errorf("reindexer ran %d times, want 0", n)
		}
		if got, _ := h.deps.sources.List(context.Background(), testGuild); len(got) != 2 {
			t.Errorf("%d sources after a refused add, want 2", len(got))
		}
	})

	t.Run("reindex edits progress and ask keeps working", func(t *testing.T) {
		tok := h.invoke(discordtest.Invocation{Command: "reindex", Roles: []string{adminRole}})
		h.replyContaining(t, tok, "40 of 100")
		askTok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "who reacted to the leak"}})
		if msg := h.reply(t, askTok, 1); len(msg.Embeds) != 1 {
			t.Errorf("ask during reindex: %d embeds, want 1", len(msg.Embeds))
		}
		close(h.deps.reindexer.release)
		h.replyContaining(t, tok, "Re-indexed 100 passages in")
		edits := h.srv.Edits(tok)
		if last := decodeSent(t, edits[len(edits)-1]); !strings.HasPrefix(last.Content, "Re-indexed 100") {
			t.Errorf("last edit %q, want the final count", last.Content)
		}
	})

	t.Run("track add then a digest posted to the channel once", func(t *testing.T) {
		entries := []digest.Entry{{Title: "Police @everyone angry", URL: "https://news.example/leak", Summary: "Police said the **leak** was [bad](https://evil.example).",
			Published: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), Outlets: []digest.Outlet{{Source: "bbc", URL: "https://bbc.example/a"}, {Source: "guardian", URL: "https://g.example/b"}}}}
		h.deps.digests.setEntries(entries)
		tok := h.invoke(discordtest.Invocation{Command: "track", Sub: "add", Options: map[string]any{"name": "Leak", "query": "manchester leak", "channel": "800000000000000001"},
			Permissions: manager, Channels: map[string]int64{"800000000000000001": discordtest.PermViewChannel}})
		msg := h.reply(t, tok, 1)
		if !strings.Contains(msg.Content, "Tracking **Leak**") {
			t.Fatalf("track add reply %q", msg.Content)
		}
		if len(msg.Embeds) != 1 || msg.Embeds[0].Title != "Already in the archive: 2 matching articles" ||
			!strings.Contains(msg.Embeds[0].Description, "`2024-05-03` [Leak inquiry opens](https://news.example/inquiry) — bbc\n`2024-05-02` [Police angry") ||
			!strings.Contains(msg.Embeds[0].Description, "first digest also covers articles stored in the 24 hours before now") {
			t.Errorf("track add preview %+v, want the count, the newest headlines and the first digest's lookback", msg.Embeds)
		}
		st, err := h.deps.store.Story(context.Background(), testGuild, "leak")
		if err != nil || st.Query != "manchester leak" || st.ChannelID != "800000000000000001" {
			t.Fatalf("stored story %+v, %v", st, err)
		}
		ac := h.invoke(discordtest.Invocation{Command: "story", Options: map[string]any{"name": "le"}, Focused: "name"})
		if a := h.ack(t, ac); a.Type != 8 || len(a.Data.Choices) != 1 || a.Data.Choices[0].Value != "Leak" {
			t.Errorf("autocomplete %+v, want the choice Leak", a)
		}
		dt := h.invoke(discordtest.Invocation{Command: "digest", Options: map[string]any{"story": "Leak"}, Permissions: discordtest.PermManageGuild})
		h.replyContaining(t, dt, "posted 1 new entry")
		msgs := srv.Messages("800000000000000001")
		if len(msgs) != 1 {
			t.Fatalf("%d messages in the channel, want 1", len(msgs))
		}
		post := decodeSent(t, srv.Requests("POST", "/channels/800000000000000001/messages")[0])
		checkNoMentions(t, post.AllowedMentions)
		checkLimits(t, post.Content, post.Embeds)
		if post.Nonce != "digest-Leak" || !post.EnforceNonce {
			t.Errorf("nonce %q enforce %v, want digest-Leak and true", post.Nonce, post.EnforceNonce)
		}
		desc := post.Embeds[0].Description
		if strings.Contains(desc, "@everyone") || strings.Contains(desc, "[bad](") || !strings.Contains(desc, "[bbc](https://bbc.example/a)") {
			t.Errorf("digest description %q: want escaped text and linked outlets", desc)
		}
		d := digest.Digest{ChannelID: "800000000000000001", Story: "Leak", Entries: entries}
		id, err := h.deps.digests.poster.Load().PostDigest(context.Background(), d, "digest-Leak")
		if err != nil || id != msgs[0].ID || len(srv.Messages("800000000000000001")) != 1 {
			t.Errorf("repost with the same nonce: id %q err %v, %d messages; want %q and still 1", id, err, len(srv.Messages("800000000000000001")), msgs[0].ID)
		}
	})

	t.Run("stories and sources are listed, shown and removed", func(t *testing.T) {
		admin := discordtest.Invocation{Permissions: discordtest.PermManageGuild}
		steps := []struct {
			inv  discordtest.Invocation
			want string
		}{
			{discordtest.Invocation{Command: "track", Sub: "add", Options: map[string]any{"name": "Budget", "query": "budget tax"}, Permissions: manager}, "digests go to <#400000000000000001>"},
			{discordtest.Invocation{Command: "track", Sub: "add", Options: map[string]any{"name": "budget", "query": "other"}, Permissions: manager}, "tracked already"},
			{discordtest.Invocation{Command: "track", Sub: "list"}, "**Budget** — budget tax → <#400000000000000001>"},
			{discordtest.Invocation{Command: "story", Options: map[string]any{"name": "Budget"}}, "[Leak inquiry opens](https://news.example/inquiry) — bbc"},
			{discordtest.Invocation{Command: "story", Options: map[string]any{"name": "nope"}}, "No story called nope"},
			{discordtest.Invocation{Command: "track", Sub: "remove", Options: map[string]any{"name": "budget"}, Permissions: manager}, "Stopped tracking **budget**"},
			{with(admin, "sources", "add", map[string]any{"url": "ftp://x.example", "name": "x"}), "Could not add x: sources: only http and https"},
			{with(admin, "sources", "add", map[string]any{"url": "https://x.example/feed", "name": "x", "outlet": "X News"}), "Added **x**"},
			{with(admin, "sources", "list", nil), "**x** (rss) https:" + zwsp + "//x.example/feed as “X News” · added by <@"},
			{with(admin, "sources", "remove", map[string]any{"name": "x"}), "Removed **x**"},
		}
		for _, st := range steps {
			tok := h.invoke(st.inv)
			msg := h.reply(t, tok, 1)
			text := msg.Content
			for _, e := range msg.Embeds {
				text += e.Description
			}
			if !strings.Contains(text, st.want) {
				t.Errorf("/%s %s: reply %q, want %q", st.inv.Command, st.inv.Sub, text, st.want)
			}
		}
		if _, err := h.deps.store.Story(context.Background(), testGuild, "budget"); err == nil {
			t.Errorf("story still stored after /track remove")
		}
	})

	t.Run("story attaches its coverage picture", func(t *testing.T) {
		h.reply(t, h.invoke(discordtest.Invocation{Command: "track", Sub: "add", Options: map[string]any{"name": "Pictured", "query": "leak inquiry"}, Permissions: manager}), 1)
		tok := h.invoke(discordtest.Invocation{Command: "story", Options: map[string]any{"name": "pictured"}})
		msg := h.reply(t, tok, 1)
		edit := srv.Edits(tok)[0]
		if len(edit.Files) != 1 || edit.Files[0].Name != "coverage.png" || edit.Files[0].ContentType != "image/png" {
			t.Fatalf("files %+v, want one coverage.png of type image/png", edit.Files)
		}
		img, err := png.Decode(bytes.NewReader(edit.Files[0].Data))
		if err != nil || img.Bounds().Dx() != chart.Width || img.Bounds().Dy() != chart.Height {
			t.Fatalf("attachment: %v, want a %dx%d PNG", err, chart.Width, chart.Height)
		}
		if len(msg.Embeds) != 1 || msg.Embeds[0].Image == nil || msg.Embeds[0].Image.URL != "attachment://coverage.png" {
			t.Errorf("embeds %+v, want the timeline showing attachment://coverage.png", msg.Embeds)
		}
		checkNoMentions(t, msg.AllowedMentions)
	})

	t.Run("track suggest lists emerging stories whose buttons track them", func(t *testing.T) {
		tok := h.invoke(discordtest.Invocation{Command: "track", Sub: "suggest"})
		msg := h.reply(t, tok, 1)
		checkNoMentions(t, msg.AllowedMentions)
		if len(msg.Embeds) != 1 || len(msg.Embeds[0].Fields) != 2 || !strings.Contains(msg.Embeds[0].Fields[0].Value, "20 articles from 1 outlet · query: yukos gazprom yugansk (finds 18)") ||
			!strings.Contains(msg.Embeds[0].Fields[0].Value, `• Putin backs state grab for \*\*Yukos\*\*`) {
			t.Fatalf("suggest reply %+v, want two stories with size, query and escaped headlines", msg.Embeds)
		}
		labels, ids := msg.buttons()
		if len(ids) != 2 || labels[0] != "1. Track yukos gazprom" {
			t.Fatalf("buttons %q %q, want one per story", labels, ids)
		}
		for i, want := range []string{"yukos gazprom yugansk", "kenteris thanou sprinters"} {
			if len(ids[i]) > 100 {
				t.Errorf("custom id %q is over Discord's 100 characters", ids[i])
			}
			press := h.invoke(discordtest.Invocation{CustomID: ids[i], ChannelID: "800000000000000077", Permissions: manager})
			if ack := h.ack(t, press); ack.Type != 5 {
				t.Errorf("button ack type %d, want a deferred reply (5)", ack.Type)
			}
			name := strings.Split(strings.TrimPrefix(ids[i], "track:add:"), "|")[0]
			h.replyContaining(t, press, "Tracking **"+name+"**")
			st, err := h.deps.store.Story(context.Background(), testGuild, name)
			if err != nil || !strings.HasPrefix(st.Query, want) || st.ChannelID != "800000000000000077" {
				t.Errorf("tracked %+v, %v; want query %q… in the pressing channel", st, err, want)
			}
		}
		press := h.invoke(discordtest.Invocation{CustomID: "track:add:no-separator", Permissions: manager})
		h.replyContaining(t, press, "That button no longer works")
		press = h.invoke(discordtest.Invocation{CustomID: "track:add:other|other story", Permissions: discordtest.PermViewChannel})
		h.replyContaining(t, press, "Only members who can manage channels")
		if _, err := h.deps.store.Story(context.Background(), testGuild, "other"); err == nil {
			t.Error("a member who cannot manage channels tracked a suggestion")
		}
	})

	t.Run("quotes pages a speaker's statements newest first with buttons", func(t *testing.T) {
		ac := h.invoke(discordtest.Invocation{Command: "quotes", Options: map[string]any{"speaker": "rud"}, Focused: "speaker"})
		if a := h.ack(t, ac); len(a.Data.Choices) != 4 || a.Data.Choices[0].Name != "Amber Rudd (Home Secretary) · 12 quotes" || a.Data.Choices[0].Value != "Amber Rudd" {
			t.Errorf("autocomplete %+v, want Amber Rudd with her role and count first", a.Data.Choices)
		}
		tok := h.invoke(discordtest.Invocation{Command: "quotes", Options: map[string]any{"speaker": "Home Secretary Amber Rudd"}})
		first := h.reply(t, tok, 1)
		checkNoMentions(t, first.AllowedMentions)
		checkLimits(t, first.Content, first.Embeds)
		e := first.Embeds[0]
		if e.Title != `Amber Rudd \(Home Secretary\)` || !strings.HasPrefix(e.Description, "**[Report ms](https://news.example/ms)** — Wire · 2017-05-13\n> [“it must not happen again”](https://news.example/ms#:~:text=it%20must%20not%20happen%20again)") {
			t.Fatalf("first page %q: %.300q, want the newest story first with its quote linked to the passage", e.Title, e.Description)
		}
		if strings.Contains(e.Description, "Kevin") || strings.Contains(e.Description, "Australia") || strings.Contains(e.Description, "everyone") {
			t.Errorf("first page quotes someone else: %s", e.Description)
		}
		labels, ids := first.buttons()
		if len(ids) != 2 || labels[0] != "◀ Newer" || !first.Components[0].Components[0].Disabled || first.Components[0].Components[1].Disabled {
			t.Fatalf("buttons %q, want Newer (disabled) and Older", labels)
		}
		footer := e.Footer.Text
		if !strings.HasPrefix(footer, "13 quotes in 13 stories, newest first · page 1 of ") {
			t.Errorf("footer %q", footer)
		}
		// press Older until the last page: every story shown once, dates falling
		var seen []string
		msg := first
		for page := 1; ; page++ {
			for _, line := range strings.Split(msg.Embeds[0].Description, "\n") {
				if strings.HasPrefix(line, "**[Report ") {
					seen = append(seen, line[strings.LastIndex(line, " ")+1:])
				}
			}
			_, ids := msg.buttons()
			if msg.Components[0].Components[1].Disabled {
				break
			}
			press := h.invoke(discordtest.Invocation{CustomID: ids[1]})
			if ack := h.ack(t, press); ack.Type != 6 {
				t.Fatalf("page button ack type %d, want a deferred update (6)", ack.Type)
			}
			msg = h.reply(t, press, 1)
			checkLimits(t, msg.Content, msg.Embeds)
			if !strings.Contains(msg.Embeds[0].Footer.Text, fmt.Sprintf("page %d of", page+1)) {
				t.Fatalf("after pressing Older: footer %q, want page %d", msg.Embeds[0].Footer.Text, page+1)
			}
		}
		if len(seen) != 13 || seen[0] != "2017-05-13" || seen[12] != "2017-05-01" || !sort.SliceIsSorted(seen, func(i, j int) bool { return seen[i] > seen[j] }) {
			t.Errorf("stories across pages %q, want all 13 newest first", seen)
		}
		evil := h.reply(t, h.invoke(discordtest.Invocation{Command: "quotes", Options: map[string]any{"speaker": "Evil Rudd"}}), 1)
		if d := evil.Embeds[0].Description; unescaped(d, "@everyone") || unescaped(d, "[click](") {
			t.Errorf("hostile quote unescaped: %s", d)
		}
		none := h.reply(t, h.invoke(discordtest.Invocation{Command: "quotes", Options: map[string]any{"speaker": "Nobody Known"}}), 1)
		if !strings.Contains(none.Content, "Nobody called Nobody Known is quoted") {
			t.Errorf("unknown speaker reply %q", none.Content)
		}
	})

	t.Run("a 429 on the edit is retried after retry_after and lands once", func(t *testing.T) {
		srv.RateLimitNext("PATCH", "/tok-429/messages/@original", 30*time.Millisecond)
		h.invoke(discordtest.Invocation{Command: "ask", Token: "tok-429", Options: map[string]any{"question": "who reacted to the leak"}})
		h.reply(t, "tok-429", 1)
		reqs := srv.Requests("PATCH", "/tok-429/")
		if len(reqs) != 2 || reqs[0].Status != 429 || reqs[1].Status != 200 {
			t.Errorf("edits: %s, want one 429 then one 200", srv)
		}
	})

	t.Run("ask rate limit replies politely", func(t *testing.T) {
		user := "520000000000000001"
		for i := 0; i < 3; i++ {
			h.ack(t, h.invoke(discordtest.Invocation{Command: "ask", UserID: user, Options: map[string]any{"question": "q"}}))
		}
		ack := h.ack(t, h.invoke(discordtest.Invocation{Command: "ask", UserID: user, Options: map[string]any{"question": "q"}}))
		if ack.Type != 4 || ack.Data.Flags != 64 || !strings.Contains(ack.Data.Content, "3 questions a minute") {
			t.Errorf("fourth ask: type %d flags %d %q, want an ephemeral limit message", ack.Type, ack.Data.Flags, ack.Data.Content)
		}
	})

	t.Run("a dropped gateway reconnects, resumes and serves", func(t *testing.T) {
		srv.Drop()
		tok := h.invoke(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "who reacted to the leak"}})
		if msg := h.reply(t, tok, 1); len(msg.Embeds) != 1 {
			t.Errorf("ask sent while disconnected: %d embeds, want 1", len(msg.Embeds))
		}
		if g := srv.Gateway(); g.Resumes != 1 || g.Identifies != 1 {
			t.Errorf("gateway %+v, want 1 identify and 1 resume", g)
		}
		tok = h.invoke(discordtest.Invocation{Command: "status"})
		if msg := h.reply(t, tok, 1); len(msg.Embeds) != 1 || !strings.Contains(msg.Embeds[0].Description, "2225") {
			t.Errorf("status after reconnect: %+v", msg)
		}
	})
}

// with returns inv for a command, subcommand and options.
func with(inv discordtest.Invocation, command, sub string, opts map[string]any) discordtest.Invocation {
	inv.Command, inv.Sub, inv.Options = command, sub, opts
	return inv
}
