package scale

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"storybot/answer"
	"storybot/fetch"
	"storybot/index"
	"storybot/ingest"
	"storybot/internal/cputime"
	"storybot/store"
)

// data is a data folder opened as storybot opens it.
type data struct {
	store *store.Store
	index *index.Index
}

func open(dir string) (*data, error) {
	st, err := store.Open(filepath.Join(dir, "storybot.db"))
	if err != nil {
		return nil, fmt.Errorf("scale: %w", err)
	}
	ix, _, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("scale: %w", err)
	}
	return &data{store: st, index: ix}, nil
}

func (d *data) close() error {
	err1 := d.index.Close()
	err2 := d.store.Close()
	if err1 != nil {
		return fmt.Errorf("scale: %w", err1)
	}
	return err2
}

// Ingested is what ingesting a corpus did.
type Ingested struct {
	Articles int     `json:"articles"`
	Failed   int     `json:"failed"`
	Passages int     `json:"passages"`
	Seconds  float64 `json:"seconds"`
}

// Ingest ingests the corpus's article files into a fresh data folder at
// dir, as `storybot ingest DIR` does, and times it up to the closed index.
func Ingest(ctx context.Context, dir string, c Corpus) (Ingested, error) {
	if err := os.RemoveAll(dir); err != nil {
		return Ingested{}, fmt.Errorf("scale: %w", err)
	}
	start := time.Now()
	d, err := open(dir)
	if err != nil {
		return Ingested{}, err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	in := ingest.New(d.store, d.index, fetch.New(fetch.Options{}), log, ingest.Options{Bulk: true})
	s := in.Run(ctx, []ingest.Source{{Name: "scale", Kind: ingest.KindPath, Target: c.ArticlesDir()}}, nil)
	if err := d.close(); err != nil {
		return Ingested{}, err
	}
	r := Ingested{Articles: s.New + s.Updated + s.Unchanged, Failed: s.Failed, Passages: s.Passages, Seconds: time.Since(start).Seconds()}
	if r.Articles == 0 {
		return r, fmt.Errorf("scale: nothing ingested: %s", s)
	}
	return r, nil
}

// Reindexed is what rebuilding the index did.
type Reindexed struct {
	Passages int     `json:"passages"`
	Seconds  float64 `json:"seconds"`
}

// Reindex rebuilds the index of the data folder at dir from its store, as
// `storybot reindex` does.
func Reindex(ctx context.Context, dir string) (Reindexed, error) {
	start := time.Now()
	d, err := open(dir)
	if err != nil {
		return Reindexed{}, err
	}
	n, err := ingest.Rebuild(ctx, d.store, d.index, nil)
	if cerr := d.close(); err == nil {
		err = cerr
	}
	return Reindexed{Passages: n, Seconds: time.Since(start).Seconds()}, err
}

// Latency is how long asks took, in milliseconds.
// CPU is the process's CPU time per ask, which other work on the machine
// disturbs far less than the latencies.
type Latency struct {
	Asks int     `json:"asks"`
	P50  float64 `json:"p50_ms"`
	P99  float64 `json:"p99_ms"`
	Max  float64 `json:"max_ms"`
	CPU  float64 `json:"cpu_ms_per_ask"`
}

func latency(took []time.Duration, cpu time.Duration) Latency {
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	at := func(p float64) float64 { return ms(took[int(p*float64(len(took)-1)+0.5)]) }
	return Latency{Asks: len(took), P50: at(0.50), P99: at(0.99), Max: ms(took[len(took)-1]), CPU: ms(cpu) / float64(len(took))}
}

// Asked is how asking went: latency one at a time and four at a time.
type Asked struct {
	Questions int     `json:"questions"`
	Answered  int     `json:"answered"` // questions with at least one citation
	One       Latency `json:"one_at_a_time"`
	Four      Latency `json:"four_at_a_time"`
}

// warmUp is how many questions are asked before timing, to load what a
// serving process has loaded after its first minutes.
const warmUp = 100

// Ask opens the data folder at dir as a serving storybot does and asks qs
// in-process: once through one at a time, then once through four at a
// time, after a warm-up.
func Ask(ctx context.Context, dir string, qs []string) (Asked, error) {
	d, err := open(dir)
	if err != nil {
		return Asked{}, err
	}
	defer d.close()
	if n, err := d.index.Count(); err != nil || n == 0 {
		return Asked{}, fmt.Errorf("scale: no passages in %s to ask about: ingest first", dir)
	}
	svc := answer.New(d.index)
	r := Asked{Questions: len(qs)}
	for _, q := range qs[:min(len(qs), warmUp)] {
		if _, err := svc.Ask(ctx, answer.Request{Question: q}); err != nil {
			return Asked{}, fmt.Errorf("scale: ask %q: %w", q, err)
		}
	}
	cpu := cputime.Used()
	took, answered, err := askAll(ctx, svc, qs, 1)
	if err != nil {
		return Asked{}, err
	}
	r.One, r.Answered = latency(took, cputime.Used()-cpu), answered
	cpu = cputime.Used()
	took, _, err = askAll(ctx, svc, qs, 4)
	if err != nil {
		return Asked{}, err
	}
	r.Four = latency(took, cputime.Used()-cpu)
	return r, nil
}

// askAll asks every question once, workers at a time, and returns how long
// each took and how many had an answer.
func askAll(ctx context.Context, svc *answer.Service, qs []string, workers int) ([]time.Duration, int, error) {
	took := make([]time.Duration, len(qs))
	cited := make([]bool, len(qs))
	var mu sync.Mutex
	var first error
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				start := time.Now()
				a, err := svc.Ask(ctx, answer.Request{Question: qs[i], Limit: 5})
				took[i] = time.Since(start)
				cited[i] = len(a.Citations) > 0
				if err != nil {
					mu.Lock()
					first = fmt.Errorf("scale: ask %q: %w", qs[i], err)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range qs {
		next <- i
	}
	close(next)
	wg.Wait()
	n := 0
	for _, c := range cited {
		if c {
			n++
		}
	}
	return took, n, first
}

// Size is the data folder's size on disk, in bytes.
type Size struct {
	Index int64 `json:"index_bytes"`
	Store int64 `json:"store_bytes"`
}

// SizeOf measures the data folder at dir.
func SizeOf(dir string) (Size, error) {
	ix, err := du(filepath.Join(dir, "index"))
	if err != nil {
		return Size{}, err
	}
	st, err := du(filepath.Join(dir, "storybot.db"))
	return Size{Index: ix, Store: st}, err
}

// du is the bytes the files under path take.
func du(path string) (int64, error) {
	var n int64
	err := filepath.WalkDir(path, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			info, err := e.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("scale: %w", err)
	}
	return n, nil
}
