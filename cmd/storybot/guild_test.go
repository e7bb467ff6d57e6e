package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storybot/answer"
	"storybot/ingest"
	"storybot/internal/sharedtest"
	"storybot/metrics"
	"storybot/quotes"
	"storybot/store"
)

const guildA, guildB = "300000000000000001", "300000000000000002"

// TestGuildSourceStaysInItsGuild: a source guild A added reaches A's
// answers, timelines and digests and none of B's, while the operator's
// sources reach both; B can neither remove A's source nor take its name,
// nor the name of an operator's ad-hoc source.
func TestGuildSourceStaysInItsGuild(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	ctx := context.Background()
	a, err := openApp(ctx, &env{stdout: io.Discard, stderr: io.Discard, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := newService(a, metrics.NewStorybot(), nil)
	// A's feed, as /sources add stores it; a folder stands in for the feed
	// at ingest, as /sources add never fetches from loopback.
	if err := a.store.PutSource(ctx, store.Source{Name: "a-wire", URL: "https://a.example/feed", Kind: "feed", GuildID: guildA}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := "Zebrafinch harbour reopens\n\nThe zebrafinch harbour reopened on Monday, the harbour master said, after repairs to the quay.\n\n" +
		"\"We are open for business again,\" said Jane Quaykeeper, the harbour master.\n"
	if err := os.WriteFile(filepath.Join(dir, "zebrafinch.txt"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if sum := s.ingest.Run(ctx, []ingest.Source{{Name: "a-wire", Kind: ingest.KindPath, Target: dir}}, nil); sum.New != 1 {
		t.Fatalf("ingest of A's source: %s", sum)
	}

	sources := func(guild, q string) string {
		ans, err := s.Ask(ctx, guild, answer.Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range ans.Citations {
			out = append(out, c.Source)
		}
		return strings.Join(out, ",")
	}
	if got := sources(guildA, "when did the zebrafinch harbour reopen"); !strings.Contains(got, "a-wire") {
		t.Errorf("guild A's answer cites %q, want its own a-wire", got)
	}
	if got := sources(guildB, "when did the zebrafinch harbour reopen"); strings.Contains(got, "a-wire") {
		t.Errorf("guild B's answer cites %q, want nothing of A's", got)
	}
	if got := sources("", "when did the zebrafinch harbour reopen"); !strings.Contains(got, "a-wire") {
		t.Errorf("the operator's answer cites %q, want everything", got)
	}
	if got := sources(guildB, "who reacted to the Manchester leak"); !strings.Contains(got, "Sample Wire") {
		t.Errorf("guild B's answer on the operator's corpus cites %q, want Sample Wire", got)
	}
	for guild, want := range map[string]int{guildA: 1, guildB: 0} {
		res, err := s.Quotes(ctx, guild, quotes.Request{Speaker: "Jane Quaykeeper"})
		if err != nil || len(res.Stories) != want {
			t.Errorf("guild %s /quotes Jane Quaykeeper: got %d stories (%v), want %d", guild, len(res.Stories), err, want)
		}
		known, err := s.KnownSpeakers(ctx, guild, "Quaykee", 5)
		if err != nil || len(known) != want {
			t.Errorf("guild %s speaker autocomplete: got %+v (%v), want %d", guild, known, err, want)
		}
	}
	for guild, want := range map[string]int{guildA: 1, guildB: 0} {
		tl, err := s.Timeline(ctx, guild, "zebrafinch harbour", 10)
		if err != nil || len(tl) != want {
			t.Errorf("guild %s timeline: got %d entries (%v), want %d", guild, len(tl), err, want)
		}
		st := store.Story{GuildID: guild, Name: "zeb", Query: "zebrafinch harbour", ChannelID: "1", Created: time.Unix(1, 0)}
		if err := a.store.PutStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		ds, err := s.digests.DryRun(ctx, guild, "zeb")
		if err != nil || len(ds) != 1 || len(ds[0].Entries) != want {
			t.Errorf("guild %s digest: got %+v (%v), want %d entries", guild, ds, err, want)
		}
		status, err := s.Status(ctx, guild)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, src := range status.Sources {
			names = append(names, src.Name)
		}
		if has := strings.Contains(strings.Join(names, ","), "a-wire"); has != (want == 1) {
			t.Errorf("guild %s /status lists %v", guild, names)
		}
	}

	admin := sourceAdmin{s: s, fetch: a.fetcher()}
	if err := admin.Remove(ctx, guildB, "a-wire"); err == nil {
		t.Error("guild B removed guild A's source")
	}
	// An operator's ad-hoc ingest names its articles' source too.
	if sum := s.ingest.Run(ctx, []ingest.Source{{Name: "cli-folder", Kind: ingest.KindPath, Target: dir}}, nil); sum.Failed != 0 {
		t.Fatalf("ad-hoc ingest: %s", sum)
	}
	for _, name := range []string{"a-wire", "A-Wire", "examples", "cli-folder"} {
		if err := admin.Add(ctx, guildB, name, "https://b.example/feed", "", "u"); err == nil || !strings.Contains(err.Error(), "taken") {
			t.Errorf("guild B adding %q: got %v, want the name refused as taken", name, err)
		}
	}
	if err := admin.Add(ctx, guildB, "b-local", "http://127.0.0.1:1/feed", "", "u"); err == nil || !strings.Contains(err.Error(), "private or local") {
		t.Errorf("guild B adding a loopback feed: got %v, want it refused", err)
	}
	if err := admin.Remove(ctx, guildA, "a-wire"); err != nil {
		t.Fatalf("guild A removing its own source: %v", err)
	}
	if got := sources(guildB, "when did the zebrafinch harbour reopen"); strings.Contains(got, "a-wire") {
		t.Errorf("after A removed its source, guild B's answer cites %q, want still nothing of A's", got)
	}
}
