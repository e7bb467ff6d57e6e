package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestStoryCRUD(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, st := range []Story{
		{GuildID: "g1", Name: "Manchester Leak", Query: "manchester leak"},
		{GuildID: "g1", Name: "budget", Query: "budget vote"},
		{GuildID: "g2", Name: "budget", Query: "spending review"},
		{GuildID: "", Name: "Elections", Query: "election"},
	} {
		if err := s.PutStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Story(ctx, "g1", "manchester LEAK")
	if err != nil {
		t.Fatalf("case-insensitive lookup: %v", err)
	}
	if got.Name != "Manchester Leak" || got.Created.IsZero() {
		t.Errorf("story: got name %q created %v, want the name as typed and a created time", got.Name, got.Created)
	}
	if _, err := s.Story(ctx, "g2", "manchester leak"); !errors.Is(err, ErrNotFound) {
		t.Errorf("other guild's story: got %v, want ErrNotFound", err)
	}
	lists := []struct {
		guild, want string
	}{
		{"g1", "g1/budget g1/Manchester Leak"},
		{"g2", "g2/budget"},
		{"", "/Elections g1/budget g1/Manchester Leak g2/budget"},
		{"g3", ""},
	}
	for _, l := range lists {
		stories, err := s.Stories(ctx, l.guild)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, st := range stories {
			names = append(names, st.GuildID+"/"+st.Name)
		}
		if strings.Join(names, " ") != l.want {
			t.Errorf("Stories(%q): got %q, want %q", l.guild, strings.Join(names, " "), l.want)
		}
	}
	if err := s.DeleteStory(ctx, "g1", "BUDGET"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStory(ctx, "g1", "budget"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	if err := s.PutStory(ctx, Story{GuildID: "g1", Name: "  "}); err == nil {
		t.Errorf("blank name: got nil error, want one")
	}
}

func TestDigestBeginCommit(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	w1 := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	w2 := w1.Add(24 * time.Hour)
	if err := s.PutStory(ctx, Story{GuildID: "g", Name: "leak", Query: "leak"}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name        string
		do          func() error
		wantErr     error
		wantCursor  time.Time
		wantPending time.Time
		wantNonce   string
		wantMessage string
	}{
		{"begin records the pending post", func() error { return s.BeginDigest(ctx, "g", "leak", w1, "n1") }, nil, time.Time{}, w1, "n1", ""},
		{"a retry after a crash replaces the nonce", func() error { return s.BeginDigest(ctx, "g", "Leak", w1, "n2") }, nil, time.Time{}, w1, "n2", ""},
		{"commit advances the cursor and clears pending", func() error { return s.CommitDigest(ctx, "g", "leak", w1, "m1") }, nil, w1, time.Time{}, "", "m1"},
		{"committing again is harmless", func() error { return s.CommitDigest(ctx, "g", "leak", w1, "m1") }, nil, w1, time.Time{}, "", "m1"},
		{"a digested window cannot begin again", func() error { return s.BeginDigest(ctx, "g", "leak", w1, "n3") }, ErrDigested, w1, time.Time{}, "", "m1"},
		{"the next window begins", func() error { return s.BeginDigest(ctx, "g", "leak", w2, "n4") }, nil, w1, w2, "n4", "m1"},
		{"an older commit does not move the cursor back or clear a later pending", func() error { return s.CommitDigest(ctx, "g", "leak", w1.Add(-time.Hour), "m0") }, nil, w1, w2, "n4", "m0"},
		{"the next window commits", func() error { return s.CommitDigest(ctx, "g", "leak", w2, "m2") }, nil, w2, time.Time{}, "", "m2"},
		{"unknown story", func() error { return s.BeginDigest(ctx, "g", "nope", w2, "n") }, ErrNotFound, w2, time.Time{}, "", "m2"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); !errors.Is(err, st.wantErr) {
				t.Fatalf("error: got %v, want %v", err, st.wantErr)
			}
			got, err := s.Story(ctx, "g", "leak")
			if err != nil {
				t.Fatal(err)
			}
			if !got.DigestedUntil.Equal(st.wantCursor) || !got.PendingWindowEnd.Equal(st.wantPending) ||
				got.PendingNonce != st.wantNonce || got.LastMessageID != st.wantMessage {
				t.Errorf("got cursor %v pending %v %q message %q, want %v %v %q %q",
					got.DigestedUntil, got.PendingWindowEnd, got.PendingNonce, got.LastMessageID,
					st.wantCursor, st.wantPending, st.wantNonce, st.wantMessage)
			}
		})
	}
}
