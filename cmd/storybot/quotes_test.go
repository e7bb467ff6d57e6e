package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
	"storybot/quotes"
)

func TestQuotesOverBundledCorpus(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	for _, name := range []string{"Amber Rudd", "Rudd", "Home Secretary Amber Rudd"} {
		var r quotes.Result
		if err := json.Unmarshal([]byte(mustRun(t, "--config", cfg, "quotes", "--json", name)), &r); err != nil {
			t.Fatal(err)
		}
		if r.Speaker != "Amber Rudd" || r.Role != "Home Secretary" || r.Quotes == 0 || len(r.Stories) == 0 {
			t.Fatalf("quotes %q: %+v, want Amber Rudd's statements", name, r)
		}
		for _, st := range r.Stories {
			if st.Title == "" || st.Outlet != "Sample Wire" || !strings.HasPrefix(st.URL, "file://") || st.Published.IsZero() {
				t.Errorf("quotes %q: story %+v, want title, outlet, link and date", name, st)
			}
			for _, q := range st.Quotes {
				if !strings.Contains(q.Passage, q.Text) || !strings.Contains(q.Passage, "Rudd") {
					t.Errorf("quotes %q: quote %q not in its passage %q naming Rudd", name, q.Text, q.Passage)
				}
			}
		}
	}
	out := mustRun(t, "--config", cfg, "quotes", "Amber Rudd", "bomber")
	if !strings.Contains(out, "Amber Rudd (Home Secretary): 1 quote in 1 story") || !strings.Contains(out, "— Sample Wire, 2017-05-25, file://") {
		t.Errorf("quotes text output:\n%s", out)
	}
	out = mustRun(t, "--config", cfg, "quotes", "Amber Rudd", "chocolate")
	if !strings.Contains(out, "with these filters") {
		t.Errorf("quotes about an unrelated topic:\n%s\nwant nothing found", out)
	}
}
