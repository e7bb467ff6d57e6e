package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSourceStates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	got, err := s.SourceState(ctx, "unknown")
	if err != nil || got != (SourceState{}) {
		t.Errorf("unknown source: got %+v, %v, want the zero value and nil", got, err)
	}
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	want := map[string]SourceState{
		"bbc":     {ETag: `W/"1"`, LastModified: "Sat, 01 Mar 2025 09:00:00 GMT", LastAttempt: at, LastSuccess: at, Articles: 12},
		"reuters": {LastAttempt: at, LastError: "feed: get: 503", ConsecutiveFailures: 3, NextAttempt: at.Add(time.Hour)},
	}
	for name, st := range want {
		if err := s.PutSourceState(ctx, name, st); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.SourceStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(want) {
		t.Errorf("SourceStates: got %d, want %d", len(all), len(want))
	}
	for name, w := range want {
		g := all[name]
		if g.ETag != w.ETag || g.LastModified != w.LastModified || !g.LastAttempt.Equal(w.LastAttempt) ||
			!g.NextAttempt.Equal(w.NextAttempt) || g.ConsecutiveFailures != w.ConsecutiveFailures ||
			g.LastError != w.LastError || g.Articles != w.Articles {
			t.Errorf("%s: got %+v, want %+v", name, g, w)
		}
	}
}

func TestSources(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	tests := []struct {
		src     Source
		wantErr bool
	}{
		{Source{Name: "Guardian", URL: "https://www.theguardian.com/uk/rss", Kind: "feed", GuildID: "g"}, false},
		{Source{Name: "notes", URL: "/srv/notes", Kind: "path"}, false},
		{Source{Name: "guardian", URL: "https://www.theguardian.com/world/rss", Kind: "feed"}, false}, // replaces
		{Source{Name: "bad", URL: "https://x.example", Kind: "podcast"}, true},
		{Source{Name: "", URL: "https://x.example", Kind: "feed"}, true},
	}
	for _, tt := range tests {
		if err := s.PutSource(ctx, tt.src); (err != nil) != tt.wantErr {
			t.Errorf("PutSource(%+v): got %v, want error %v", tt.src, err, tt.wantErr)
		}
	}
	srcs, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 2 || srcs[0].URL != "https://www.theguardian.com/world/rss" || srcs[1].Name != "notes" || srcs[0].Added.IsZero() {
		t.Errorf("Sources: got %+v, want the replaced guardian then notes, with added times", srcs)
	}
	if err := s.DeleteSource(ctx, "GUARDIAN"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, "guardian"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
}

func TestGuildSettings(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.GuildSetting(ctx, "g", "digest_channel"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unset: got %v, want ErrNotFound", err)
	}
	for _, kv := range [][3]string{{"g", "digest_channel", "123"}, {"g", "ask_limit", "5"}, {"h", "digest_channel", "456"}} {
		if err := s.PutGuildSetting(ctx, kv[0], kv[1], kv[2]); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := s.GuildSetting(ctx, "g", "digest_channel"); err != nil || v != "123" {
		t.Errorf("digest_channel: got %q, %v, want 123", v, err)
	}
	all, err := s.GuildSettings(ctx, "g")
	if err != nil || len(all) != 2 || all["ask_limit"] != "5" {
		t.Errorf("GuildSettings(g): got %v, %v, want 2 settings with ask_limit 5", all, err)
	}
	if err := s.PutGuildSetting(ctx, "g", "ask_limit", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GuildSetting(ctx, "g", "ask_limit"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after clearing: got %v, want ErrNotFound", err)
	}
}

// TestSourceOwners: a guild's source is recorded as its own, stays so after
// removal, and no other guild can take the name.
func TestSourceOwners(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutSource(ctx, Source{Name: "Wire", URL: "https://a.example/feed", Kind: "feed", GuildID: "1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSource(ctx, Source{Name: "op", URL: "https://b.example/feed", Kind: "feed"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, "wire"); err != nil {
		t.Fatal(err)
	}
	owners, err := s.SourceOwners(ctx)
	if err != nil || len(owners) != 1 || owners["Wire"] != "1" {
		t.Fatalf("got owners %v (%v), want Wire owned by guild 1 after its removal", owners, err)
	}
	if err := s.PutSource(ctx, Source{Name: "Wire", URL: "https://c.example/feed", Kind: "feed", GuildID: "2"}); err == nil {
		t.Error("guild 2 took guild 1's source name")
	}
	if err := s.PutSource(ctx, Source{Name: "Wire", URL: "https://c.example/feed", Kind: "feed", GuildID: "1"}); err != nil {
		t.Errorf("guild 1 re-adding its own source: %v", err)
	}
}
