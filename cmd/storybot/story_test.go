package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/chart"
	"storybot/internal/sharedtest"
)

func TestStoryCommandWritesPNG(t *testing.T) {
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	mustRun(t, "--config", cfg, "ingest")
	file := filepath.Join(t.TempDir(), "leak.png")
	out := mustRun(t, "--config", cfg, "story", "--png", file, "manchester leak")
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || !strings.Contains(lines[1], "2017-05-25") || !strings.Contains(out, "Manchester police pause intelligence sharing") ||
		!strings.Contains(out, "undated") || strings.Contains(out, "Cadbury") {
		t.Errorf("story output:\n%s\nwant the Manchester articles newest first, the undated one last, no Cadbury", out)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", file, err)
	}
	if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
		t.Errorf("picture %dx%d, want %dx%d", b.Dx(), b.Dy(), chart.Width, chart.Height)
	}
}
