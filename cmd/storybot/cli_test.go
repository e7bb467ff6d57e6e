package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// TestIngestExitCodes: ingest exits 1 when any source fails, says so for
// a source that is backing off instead of skipping it silently, tries it
// with --force, and names an unknown --source.
func TestIngestExitCodes(t *testing.T) {
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer down.Close()
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	body, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(body, "fetch:\n  retries: 0\n"...), 0o600)

	if out, _, code := run(t, "--config", cfg, "ingest"); code != 0 || !strings.Contains(out, "6 new") {
		t.Errorf("a good run: exit %d, %q; want 0 and 6 new", code, out)
	}
	feed := down.URL + "/feed.xml"
	for i, want := range []string{"1 failed", "1 failed", "1 skipped (backing off)"} {
		out, errs, code := run(t, "--config", cfg, "ingest", "--allow-private", "--source", "down", feed)
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("run %d against a failing feed: exit %d, %q; want 1 and %q", i+1, code, out, want)
		}
		if want == "1 skipped (backing off)" && !strings.Contains(errs, "--force") {
			t.Errorf("the back-off is not explained: %q", errs)
		}
	}
	if out, _, code := run(t, "--config", cfg, "ingest", "--allow-private", "--force", "--source", "down", feed); code != 1 || !strings.Contains(out, "1 failed") {
		t.Errorf("--force: exit %d, %q; want the feed tried and failed", code, out)
	}
	if _, errs, code := run(t, "--config", cfg, "ingest", "--source", "nope"); code != 1 || !strings.Contains(errs, `--source "nope"`) || !strings.Contains(errs, "examples") {
		t.Errorf("unknown --source: exit %d, %q; want the name and the configured ones", code, errs)
	}
	if out, _, code := run(t, "--config", cfg, "ingest", "--source", "examples"); code != 0 || !strings.Contains(out, "6 unchanged") {
		t.Errorf("--source examples: exit %d, %q; want that source only, unchanged", code, out)
	}
	if _, errs, code := run(t, "--config", cfg, "ingest", feed); code != 1 || !strings.Contains(errs, "address is not public") {
		t.Errorf("a loopback URL without --allow-private: exit %d, %q; want it refused", code, errs)
	}
}

// TestAskFlagErrors: --limit out of range and a --source no article has
// are errors naming the problem, not "nothing matches".
func TestAskFlagErrors(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--limit", "-1"}, "--limit -1"},
		{[]string{"--limit", "0"}, "--limit 0"},
		{[]string{"--limit", "1000"}, "--limit 1000"},
		{[]string{"--source", "Nope Daily"}, `--source "Nope Daily"`},
		{[]string{"--source", "Examples"}, "examples"},
	} {
		args := append([]string{"--config", cfg, "ask"}, append(tt.args, "who reacted to the leak")...)
		if _, errs, code := run(t, args...); code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("ask %v: exit %d, %q; want 1 and %q", tt.args, code, errs, tt.want)
		}
	}
	if out := mustRun(t, "--config", cfg, "ask", "--source", "examples", "--limit", "2", "who reacted to the Manchester leak"); !strings.Contains(out, "[2]") || strings.Contains(out, "[3]") {
		t.Errorf("a known source with --limit 2: got %q", out)
	}
}

// TestTerminalOutputHasNoControls: an article whose title and text carry
// an ESC sequence (which would retitle a terminal) and C1 controls prints
// without them in text (ask, extract, attrib), and escaped in JSON.
func TestTerminalOutputHasNoControls(t *testing.T) {
	dir := t.TempDir()
	text := "Harbour \x1b]0;pwned\x07reopens\u009b31m\n\nThe harbour reopened on Friday \x1b[2J after three weeks of repairs, the council said.\n"
	if err := os.WriteFile(filepath.Join(dir, "hostile.txt"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := setup(t, dir)
	mustRun(t, "--config", cfg, "ingest")
	page := filepath.Join(dir, "p.html")
	html := "<html><head><title>Harbour \x1b]0;pwned\x07reopens</title></head><body><article>" +
		"<p>The harbour reopened on Friday \x1b[2J after three weeks of repairs to the sea wall, the council said.</p>" +
		"<p>Fishing boats returned to their moorings within hours, and the ferry service will resume on Monday.</p>" +
		"<p>Repair crews worked through two storms to finish the job ahead of the spring tides.</p>" +
		"</article></body></html>"
	os.WriteFile(page, []byte(html), 0o600)
	for _, args := range [][]string{{"ask", "when did the harbour reopen"}, {"extract", page}, {"attrib", filepath.Join(dir, "hostile.txt")}} {
		out := mustRun(t, append([]string{"--config", cfg}, args...)...)
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("%s: output has control characters: %q", args[0], out)
		}
		if !strings.Contains(out, "reopen") {
			t.Errorf("%s: got %q, want the text", args[0], out)
		}
	}
	for _, args := range [][]string{{"ask", "--json", "when did the harbour reopen"}, {"extract", "--json", page}} {
		out := mustRun(t, append([]string{"--config", cfg}, args...)...)
		if strings.ContainsAny(out, "\x1b\x07\u009b") || !strings.Contains(out, `\u001b`) {
			t.Errorf("%s: JSON has raw control characters or lost them: %q", args[0], out)
		}
	}
}
