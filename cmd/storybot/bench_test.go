package main

import (
	"encoding/json"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
	"storybot/scale"
)

// TestBenchSmall runs `storybot bench` at a small size, each step in a
// child process as it runs for the README's figures: the http step serves
// the data folder over HTTP interactions to a loopback Discord.
func TestBenchSmall(t *testing.T) {
	shared := sharedtest.Dir(t)
	t.Setenv("STORYBOT_AS_MAIN", "1") // the children are this test binary
	dir := t.TempDir()
	out := mustRun(t, "bench", "--shared", shared, "--articles", "40", "--questions", "6", "--dir", dir)
	for _, want := range []string{"corpus: 40 articles", "ingest: ", "data folder: ", "reindex: ", "ask (6 questions", "serving memory: peak RSS", "ask over HTTP interactions (6 questions"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out = mustRun(t, "bench", "--shared", shared, "--articles", "40", "--questions", "6", "--dir", dir, "--phases", "ask,http", "--json")
	var r scale.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("bench --json: %v\n%s", err, out)
	}
	if r.Ingest != nil || r.Ask == nil || r.Ask.Result.One.Asks != 6 || r.Ask.CPUSeconds <= 0 || r.Ask.Memory.Peak <= 0 && r.Ask.Memory.Heap <= 0 {
		t.Errorf("ask alone over the kept data folder: got %+v", r)
	}
	if h := r.HTTP; h == nil || h.Result.Questions != 6 || h.Result.Answer.Asks != 6 || h.Result.Ack.Asks != 6 || h.Result.Answered == 0 {
		t.Errorf("/ask over HTTP interactions: got %+v, want 6 asked through the endpoint, some answered", h)
	}
}
