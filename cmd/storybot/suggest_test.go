package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/bot"
	"storybot/internal/sharedtest"
)

// TestSuggestOverBBC ingests the business section of the BBC corpus (all stored
// now, so all in the 48-hour window) with one story tracked, and checks the
// suggestions: big enough, not the tracked story, each with a query that
// finds most of it.
func TestSuggestOverBBC(t *testing.T) {
	bbc := sharedtest.Path(t, "corpus", "bbc")
	cfg := setup(t, "")
	body, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(body, "stories:\n  - name: yukos\n    query: yukos\n    channel: \"1\"\n    guild_id: \"2\"\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--config", cfg, "ingest", filepath.Join(bbc, "business"))
	// config.yaml's stories are stored by `run`; store this one the same way
	a, err := openApp(t.Context(), &env{stdout: os.Stdout, stderr: os.Stderr, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if err := syncStories(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	a.Close()

	var sugs []bot.Suggestion
	if err := json.Unmarshal([]byte(mustRun(t, "--config", cfg, "suggest", "--json")), &sugs); err != nil {
		t.Fatal(err)
	}
	if len(sugs) < 3 { // LSE bids, WorldCom, Glazer, oil… once Yukos is tracked
		t.Fatalf("%d suggestions over the BBC business section, want at least 3", len(sugs))
	}
	for _, s := range sugs {
		if s.Articles < 5 && s.Outlets < 3 {
			t.Errorf("%s: %d articles from %d outlets, want 5 articles or 3 outlets", s.Name, s.Articles, s.Outlets)
		}
		if 2*s.Found < s.Articles || s.Name == "" || len(s.Headlines) == 0 {
			t.Errorf("%s: query %q finds %d of %d articles, headlines %q; want a name, headlines and a query finding most", s.Name, s.Query, s.Found, s.Articles, s.Headlines)
		}
		for _, h := range s.Headlines {
			if strings.Contains(strings.ToLower(s.Query+" "+h), "yukos") {
				t.Errorf("suggested %s (%q), which the tracked story yukos follows", s.Name, h)
			}
		}
	}
}
