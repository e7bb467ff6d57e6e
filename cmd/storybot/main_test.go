package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"storybot/answer"
	"storybot/evaluate"
	"storybot/internal/sharedtest"
)

// setup writes a config whose data_dir is a temporary folder and whose one
// source is given.
func setup(t testing.TB, sourcePath string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := "data_dir: " + filepath.Join(dir, "data") + "\nlog:\n  format: text\n  level: warn\n"
	if sourcePath != "" {
		cfg += "sources:\n  - name: examples\n    path: " + sourcePath + "\n"
	}
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t testing.TB, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := realMain(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

func mustRun(t testing.TB, args ...string) string {
	t.Helper()
	out, errs, code := run(t, args...)
	if code != 0 {
		t.Fatalf("storybot %v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errs)
	}
	return out
}

func askJSON(t testing.TB, cfg, q string) answer.Answer {
	t.Helper()
	out := mustRun(t, "--config", cfg, "ask", "--json", q)
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	return a
}

func TestBundledCorpusAnswersManchester(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	out := mustRun(t, "--config", cfg, "ingest")
	if !strings.Contains(out, "6 new") {
		t.Errorf("first ingest: got %q, want 6 new", out)
	}
	out = mustRun(t, "--config", cfg, "ingest")
	if !strings.Contains(out, "0 new, 0 updated, 6 unchanged") || !strings.Contains(out, "0 passages indexed") {
		t.Errorf("second ingest: got %q, want everything unchanged", out)
	}
	a := askJSON(t, cfg, "who reacted to the Manchester leak")
	if len(a.Citations) == 0 {
		t.Fatalf("no citations: %+v", a)
	}
	for i, c := range a.Citations {
		if c.N != i+1 || c.Title == "" || c.Source == "" || !strings.HasPrefix(c.URL, "file://") || c.Passage == "" {
			t.Errorf("citation %d incomplete: %+v", i, c)
		}
	}
	if m := evaluate.Missing(a, evaluate.FoundingSpeakers); len(m) > 0 {
		t.Errorf("speakers: %v not named, quoted and cited; speakers %+v", m, a.Speakers)
	}
}

func TestAskTextOutput(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	out := mustRun(t, "--config", cfg, "ask", "what did Roger Carr say about the Kraft offer")
	if !strings.Contains(out, "[1] ") || !strings.Contains(out, " — Sample Business Daily, ") {
		t.Errorf("want numbered citations with title — source, date, URL; got\n%s", out)
	}
}

// TestAskExplain: --explain gives every citation its score and the
// features that made it, in text and in JSON, and the parts add up.
func TestAskExplain(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	q := "who reacted to the Manchester leak"
	out := mustRun(t, "--config", cfg, "ask", "--json", "--explain", q)
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("ask --json --explain: %v\n%s", err, out)
	}
	if len(a.Citations) == 0 {
		t.Fatal("no citations")
	}
	for _, c := range a.Citations {
		e := c.Explain
		if e == nil || len(e.Features) == 0 {
			t.Fatalf("citation [%d] has no explanation: %+v", c.N, c)
		}
		if e.Column != "speech" {
			t.Errorf("[%d]: ranked with the %q weights, want speech's for a who-reacted question", c.N, e.Column)
		}
		sum := 0.0
		for _, f := range e.Features {
			sum += f.Adds
		}
		if math.Abs(sum-e.Score) > 1e-6 || math.Abs(e.Score-c.Score) > 1e-6 {
			t.Errorf("[%d]: features add to %.6f, explanation says %.6f, citation %.6f", c.N, sum, e.Score, c.Score)
		}
	}
	text := mustRun(t, "--config", cfg, "ask", "--explain", q)
	for _, want := range []string{"score ", "speech weights", "article relevance", "article_coverage", " × "} {
		if !strings.Contains(text, want) {
			t.Errorf("ask --explain text lacks %q:\n%s", want, text)
		}
	}
	if plain := mustRun(t, "--config", cfg, "ask", q); strings.Contains(plain, "article relevance") {
		t.Errorf("ask without --explain explains:\n%s", plain)
	}
}

func TestAskHostileAndEmpty(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	tests := []struct{ name, q, hint string }{
		{"stop words only", "who is the what of it?", "no words to search for"},
		{"syntax characters", `+ - : ^ " ( ) ~ * ?`, "no words to search for"},
		{"nothing matches", "quantum chromodynamics lattice", "Nothing indexed matches"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := askJSON(t, cfg, tt.q)
			if len(a.Citations) != 0 || a.Citations == nil || a.Speakers == nil {
				t.Errorf("want empty (not null) lists, got %+v", a)
			}
			if !strings.Contains(a.Hint, tt.hint) {
				t.Errorf("hint: got %q, want it to contain %q", a.Hint, tt.hint)
			}
			out := mustRun(t, "--config", cfg, "ask", tt.q)
			if !strings.Contains(out, tt.hint) {
				t.Errorf("text output: got %q", out)
			}
		})
	}
	a := askJSON(t, cfg, `"Amber Rudd" AND (leak*) -trump +title:x ~2 ^3`)
	if len(a.Citations) == 0 {
		t.Errorf("query syntax in a real question should still find Rudd: %+v", a)
	}
}

func TestLockedByAnotherProcess(t *testing.T) {
	cfg := setup(t, "")
	a, err := openApp(context.Background(), &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	_, errs, code := run(t, "--config", cfg, "ask", "leak")
	if code != 1 || !strings.Contains(errs, "in use by another storybot process") {
		t.Errorf("got exit %d, stderr %q; want a clear lock message", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{{}, {"nope"}, {"ask"}, {"extract"}, {"--config"}}
	for _, args := range tests {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("storybot %v: got exit %d, want 2", args, code)
		}
	}
}

func TestExtractCommand(t *testing.T) {
	page := filepath.Join(t.TempDir(), "p.html")
	html := `<html><head><title>Harbour reopens</title><meta property="article:published_time" content="2024-03-01T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Friday after three weeks of repairs to the sea wall, the council said.</p>
<p>Fishing boats returned to their moorings within hours, and the ferry service will resume on Monday.</p>
<p>Repair crews worked through two storms to finish the job ahead of the spring tides.</p></article>
<div class="share">Share this article</div></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--config", setup(t, ""), "extract", "--json", page)
	var x extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if x.Title != "Harbour reopens" || !strings.HasPrefix(x.Published, "2024-03-01") {
		t.Errorf("got %+v", x)
	}
	if strings.Count(x.Text, "\n\n") != 2 || strings.Contains(x.Text, "Share this") || strings.Contains(x.Text, "Home") {
		t.Errorf("text: got %q", x.Text)
	}
}

func TestReindexKeepsAnswers(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	before := askJSON(t, cfg, "who reacted to the Manchester leak")
	out := mustRun(t, "--config", cfg, "reindex")
	if !strings.Contains(out, "from 6 articles") {
		t.Errorf("reindex: got %q", out)
	}
	after := askJSON(t, cfg, "who reacted to the Manchester leak")
	if passages(before) != passages(after) {
		t.Errorf("answers changed across reindex:\nbefore %v\nafter  %v", passages(before), passages(after))
	}
}

// TestUnreadableIndexIsRebuiltAtStart: an index storybot cannot use (here
// its serving generation is missing; an index of another schema version
// takes the same path, see index.Open) is rebuilt from the store at
// start-up, with the same answers.
func TestUnreadableIndexIsRebuiltAtStart(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	before := askJSON(t, cfg, "who reacted to the Manchester leak")
	current := filepath.Join(filepath.Dir(cfg), "data", "index", "CURRENT")
	if err := os.WriteFile(current, []byte("gen-19990101T000000.000000000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after := askJSON(t, cfg, "who reacted to the Manchester leak")
	if passages(after) == "" || passages(before) != passages(after) {
		t.Errorf("answers after the rebuild:\nbefore %v\nafter  %v", passages(before), passages(after))
	}
	if !reflect.DeepEqual(before.Citations, after.Citations) {
		t.Errorf("citations changed:\nbefore %+v\nafter  %+v", before.Citations, after.Citations)
	}
}

func passages(a answer.Answer) string {
	var ids []string
	for _, c := range a.Citations {
		ids = append(ids, c.PassageID)
	}
	return strings.Join(ids, ",")
}

// TestSeed checks the project's founding example over ../shared/seed.
func TestSeed(t *testing.T) {
	seed := sharedtest.Path(t, "seed")
	cfg := setup(t, seed)
	mustRun(t, "--config", cfg, "ingest")
	a := askJSON(t, cfg, "who reacted to the Manchester leak")
	var text strings.Builder
	for i, c := range a.Citations {
		if i < 3 && !strings.Contains(c.URL, "manchester-leak-dailycaller") {
			t.Errorf("citation %d is not from the seed: %s", c.N, c.URL)
		}
		text.WriteString(c.Passage + " ")
	}
	named := 0
	for _, who := range []string{"Theresa May", "Amber Rudd", "National Police Chiefs", "Donald Trump", "Manchester Police", "U.S. Embassy in London"} {
		if strings.Contains(text.String(), who) {
			named++
		}
	}
	if named < 4 {
		t.Errorf("passages name %d of the six reactors, want at least 4", named)
	}
	for _, bad := range []string{"Font Size", "Send tips", "available without charge", "Follow Saagar"} {
		if strings.Contains(text.String(), bad) {
			t.Errorf("boilerplate %q in a passage", bad)
		}
	}
}
