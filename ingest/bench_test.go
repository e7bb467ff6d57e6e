package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"storybot/fetch"
)

// BenchmarkIngestBBC ingests the shared BBC corpus from local files into a
// fresh store and index per iteration.
func BenchmarkIngestBBC(b *testing.B) {
	bbc := filepath.Join(sharedDir(b), "corpus", "bbc")
	passages := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		e := newEnv(b, fetch.Options{}, Options{})
		b.StartTimer()
		s := e.in.Run(context.Background(), []Source{{Name: "bbc", Kind: KindPath, Target: bbc}}, nil)
		if len(s.Errors) > 0 || s.New == 0 {
			b.Fatalf("ingest: %s: %v", s, s.Errors)
		}
		passages += s.Passages
	}
	b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
}

// BenchmarkRebuildBBC rebuilds the index from a store holding the BBC
// corpus.
func BenchmarkRebuildBBC(b *testing.B) {
	bbc := filepath.Join(sharedDir(b), "corpus", "bbc")
	e := newEnv(b, fetch.Options{}, Options{})
	if s := e.in.Run(context.Background(), []Source{{Name: "bbc", Kind: KindPath, Target: bbc}}, nil); s.New == 0 {
		b.Fatalf("ingest: %s: %v", s, s.Errors)
	}
	passages := 0
	b.ResetTimer()
	for range b.N {
		n, err := Rebuild(context.Background(), e.store, e.index, nil)
		if err != nil {
			b.Fatalf("Rebuild: %v", err)
		}
		passages += n
	}
	b.ReportMetric(float64(passages)/b.Elapsed().Seconds(), "passages/s")
}
