package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"storybot/fetch"
	"storybot/internal/cputime"
	"storybot/internal/sharedtest"
)

// BenchmarkIngestBBC ingests the shared BBC corpus from local files into a
// fresh store and index per iteration. passages/cpu-s is the figure to
// compare on a machine shared with other work.
func BenchmarkIngestBBC(b *testing.B) {
	bbc := filepath.Join(sharedtest.Dir(b), "corpus", "bbc")
	passages, cpu := 0, time.Duration(0)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		e := newEnv(b, fetch.Options{}, Options{})
		c0 := cputime.Used()
		b.StartTimer()
		s := e.in.Run(context.Background(), []Source{{Name: "bbc", Kind: KindPath, Target: bbc}}, nil)
		b.StopTimer()
		cpu += cputime.Used() - c0
		if len(s.Errors) > 0 || s.New == 0 {
			b.Fatalf("ingest: %s: %v", s, s.Errors)
		}
		passages += s.Passages
		e.close() // stops its background merging before the next iteration
		b.StartTimer()
	}
	reportPassages(b, passages, cpu)
}

// BenchmarkRebuildBBC rebuilds the index from a store holding the BBC
// corpus.
func BenchmarkRebuildBBC(b *testing.B) {
	bbc := filepath.Join(sharedtest.Dir(b), "corpus", "bbc")
	e := newEnv(b, fetch.Options{}, Options{})
	if s := e.in.Run(context.Background(), []Source{{Name: "bbc", Kind: KindPath, Target: bbc}}, nil); s.New == 0 {
		b.Fatalf("ingest: %s: %v", s, s.Errors)
	}
	passages, c0 := 0, cputime.Used()
	b.ResetTimer()
	for range b.N {
		n, err := Rebuild(context.Background(), e.store, e.index, nil)
		if err != nil {
			b.Fatalf("Rebuild: %v", err)
		}
		passages += n
	}
	b.StopTimer()
	reportPassages(b, passages, cputime.Used()-c0)
}

func reportPassages(b *testing.B, passages int, cpu time.Duration) {
	b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
	if cpu > 0 {
		b.ReportMetric(float64(passages)/cpu.Seconds(), "passages/cpu-s")
	}
}

// BenchmarkParseBBC parses the BBC corpus's files as ingest reads them
// (the text format, cleaned), from memory: the reading side of ingest.
func BenchmarkParseBBC(b *testing.B) {
	files, err := listFiles(filepath.Join(sharedtest.Dir(b), "corpus", "bbc"))
	if err != nil {
		b.Fatal(err)
	}
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		i := n % len(files)
		if _, err := parseFile(".txt", data[i], "file://"+files[i], nil); err != nil {
			b.Fatalf("%s: %v", files[i], err)
		}
		n++
	}
}
