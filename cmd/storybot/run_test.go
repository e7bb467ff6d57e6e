package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/bot/discordtest"
	"storybot/internal/sharedtest"
)

// TestRunAgainstLoopbackDiscord runs `storybot run` against the Discord
// stand-in: commands are registered, /ask is answered from the ingested
// corpus, a story from config.yaml gets one digest, posted once, and a
// server not in discord.allowed_guild_ids can neither post it nor re-index.
func TestRunAgainstLoopbackDiscord(t *testing.T) {
	srv := discordtest.New(t)
	t.Setenv("DISCORD_TOKEN", "run-test-token")
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	body, _ := os.ReadFile(cfg)
	extra := "discord:\n  api_base_url: " + srv.URL() + "\n  allowed_guild_ids: [\"300000000000000001\"]\n" +
		"http:\n  listen: 127.0.0.1:0\n  metrics_listen: \"\"\n" +
		"stories:\n  - name: leak\n    query: manchester leak\n    channel: \"800000000000000009\"\n    guild_id: \"300000000000000001\"\n"
	if err := os.WriteFile(cfg, append(body, extra...), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	go func() {
		code := realMain(ctx, []string{"--config", cfg, "run"}, os.Stdout, os.Stderr)
		exited <- code
	}()
	defer func() {
		cancel()
		if code := <-exited; code != 0 {
			t.Errorf("run exited %d", code)
		}
	}()
	srv.Wait(t, "the bot to identify", func() bool { return srv.Gateway().Identifies > 0 })
	if len(srv.Requests("PUT", "/commands")) != 1 {
		t.Errorf("want one bulk overwrite of commands, got %d", len(srv.Requests("PUT", "/commands")))
	}

	// The first ingest pass runs at start; ask until it has landed.
	var desc string
	users := 0
	srv.Wait(t, "an answer naming Amber Rudd", func() bool {
		users++ // a fresh user each time: the per-user /ask limit is 5 a minute
		tok := srv.Invoke(discordtest.Invocation{Command: "ask", UserID: fmt.Sprintf("5200000000000%05d", users),
			Options: map[string]any{"question": "who reacted to the Manchester leak"}})
		srv.Wait(t, "the edit", func() bool { return len(srv.Edits(tok)) > 0 })
		desc = string(srv.Edits(tok)[0].Body)
		return strings.Contains(desc, "Amber Rudd")
	})

	// /quotes and /story over the bundled corpus, through the real service
	tok := srv.Invoke(discordtest.Invocation{Command: "quotes", UserID: "520000000000099999", Options: map[string]any{"speaker": "Home Secretary Amber Rudd"}})
	srv.Wait(t, "the /quotes reply", func() bool { return len(srv.Edits(tok)) > 0 })
	if body := string(srv.Edits(tok)[0].Body); !strings.Contains(body, "Amber Rudd") || !strings.Contains(body, "irritating") ||
		!strings.Contains(body, "Sample Wire · 2017-05-25") || strings.Contains(body, "Theresa May") {
		t.Errorf("/quotes Home Secretary Amber Rudd: %.600s\nwant her statement cited with outlet and date, nobody else's", body)
	}
	tok = srv.Invoke(discordtest.Invocation{Command: "story", Options: map[string]any{"name": "leak"}})
	srv.Wait(t, "the /story reply", func() bool { return len(srv.Edits(tok)) > 0 })
	if files := srv.Edits(tok)[0].Files; len(files) != 1 || files[0].ContentType != "image/png" || len(files[0].Data) < 1000 {
		t.Errorf("/story leak: files %d, want its coverage PNG attached", len(files))
	}

	stranger := discordtest.Invocation{GuildID: "300000000000000077", Permissions: discordtest.PermAdministrator}
	for _, cmd := range []string{"digest", "reindex"} {
		inv := stranger
		inv.Command = cmd
		tok := srv.Invoke(inv)
		srv.Wait(t, "the refusal", func() bool { _, ok := srv.Callback(tok); return ok })
		if cb, _ := srv.Callback(tok); !strings.Contains(string(cb.Body), "not enabled for this server") {
			t.Errorf("/%s from another server: got %s, want a refusal", cmd, cb.Body)
		}
	}
	if n := len(srv.Messages("800000000000000009")); n != 0 {
		t.Fatalf("another server's /digest posted %d messages, want 0", n)
	}

	admin := discordtest.Invocation{Command: "digest", Options: map[string]any{"story": "leak"}, Permissions: discordtest.PermManageGuild}
	tok = srv.Invoke(admin)
	srv.Wait(t, "the /digest reply", func() bool { return len(srv.Edits(tok)) > 0 })
	msgs := srv.Messages("800000000000000009")
	if len(msgs) != 1 {
		t.Fatalf("digest messages: got %d, want 1", len(msgs))
	}
	var post struct {
		Nonce        string `json:"nonce"`
		EnforceNonce bool   `json:"enforce_nonce"`
		Embeds       []struct {
			Description string `json:"description"`
		} `json:"embeds"`
	}
	posts := srv.Requests("POST", "/channels/800000000000000009/messages")
	if len(posts) != 1 {
		t.Fatalf("digest posts: got %d, want 1", len(posts))
	}
	if err := json.Unmarshal(posts[0].Body, &post); err != nil {
		t.Fatal(err)
	}
	if post.Nonce == "" || !post.EnforceNonce || len(post.Embeds) == 0 || !strings.Contains(post.Embeds[0].Description, "Manchester") {
		t.Errorf("digest post: got %+v", post)
	}
	tok = srv.Invoke(admin)
	srv.Wait(t, "the second /digest reply", func() bool { return len(srv.Edits(tok)) > 0 })
	if n := len(srv.Messages("800000000000000009")); n != 1 {
		t.Errorf("after a second /digest with nothing new: %d messages, want still 1", n)
	}
}
