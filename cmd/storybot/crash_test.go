package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"storybot/answer"
	"storybot/metrics"
)

// TestMain lets the test binary stand in for storybot in subprocess tests.
func TestMain(m *testing.M) {
	if os.Getenv("STORYBOT_AS_MAIN") == "1" {
		os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

var vocabulary = strings.Fields(`council harbour strike union pension bank rates inflation minister
police leak inquiry court ruling appeal tariff steel factory jobs election poll campaign budget
tax hospital nurses doctors school teachers exam flood storm bridge railway airport fares energy
prices oil gas wind solar climate summit treaty border trade export import merger takeover bid
shares profit loss chairman chief executive spokesman statement warned welcomed criticised`)

// corpus writes n synthetic articles, each with a distinct headline and
// text drawn from a small vocabulary, and returns the folder.
func corpus(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d on the %s %s\n\n", i, vocabulary[r.IntN(len(vocabulary))], vocabulary[r.IntN(len(vocabulary))])
		for p := range 4 {
			fmt.Fprintf(&b, "Item%d paragraph%d", i, p)
			for range 30 {
				b.WriteString(" " + vocabulary[r.IntN(len(vocabulary))])
			}
			b.WriteString(".\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var crashQuestions = []string{"who warned about the pension strike", "harbour storm flood",
	"what did the chief executive say about the takeover bid", "railway fares and energy prices"}

func answers(t testing.TB, cfg string) string {
	t.Helper()
	var out []string
	for _, q := range crashQuestions {
		out = append(out, passages(askJSON(t, cfg, q)))
	}
	return strings.Join(out, "\n")
}

// killMidway starts storybot with args, waits until ready says the work is
// under way, and kills it with SIGKILL.
func killMidway(t *testing.T, ready func() bool, args ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "STORYBOT_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for !ready() {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the work never started")
		}
		time.Sleep(5 * time.Millisecond) // polling the disk, not timing the work
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if err == nil {
		t.Skip("the work finished before the kill; nothing was interrupted")
	}
}

func dbSize(cfg string) int64 {
	st, err := os.Stat(filepath.Join(filepath.Dir(cfg), "data", "storybot.db"))
	if err != nil {
		return 0
	}
	return st.Size()
}

func TestKillDuringIngestLosesNothing(t *testing.T) {
	src := corpus(t, 1500)
	ref := setup(t, src)
	mustRun(t, "--config", ref, "ingest")
	want := answers(t, ref)

	cfg := setup(t, src)
	killMidway(t, func() bool { return dbSize(cfg) > 2<<20 }, "--config", cfg, "ingest")
	out := mustRun(t, "--config", cfg, "ingest")
	if !strings.Contains(out, "0 failed") {
		t.Errorf("ingest after the crash: %s", out)
	}
	out = mustRun(t, "--config", cfg, "ingest")
	if !strings.Contains(out, "0 new, 0 updated, 1500 unchanged") {
		t.Errorf("after recovery the store should hold every article once: %s", out)
	}
	if got := answers(t, cfg); got != want {
		t.Errorf("answers after the crash differ:\ngot\n%s\nwant\n%s", got, want)
	}
}

func TestKillDuringReindexKeepsServing(t *testing.T) {
	cfg := setup(t, corpus(t, 1500))
	mustRun(t, "--config", cfg, "ingest")
	want := answers(t, cfg)
	indexDir := filepath.Join(filepath.Dir(cfg), "data", "index")
	generations := func() int {
		es, _ := os.ReadDir(indexDir)
		n := 0
		for _, e := range es {
			if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") {
				n++
			}
		}
		return n
	}
	killMidway(t, func() bool { return generations() > 1 }, "--config", cfg, "reindex")
	if got := answers(t, cfg); got != want {
		t.Errorf("answers after the crash differ:\ngot\n%s\nwant\n%s", got, want)
	}
	if n := generations(); n != 1 {
		t.Errorf("generations after restart: got %d, want the partial one removed", n)
	}
}

// minAsks is the fewest asks each asker makes during a re-index.
const minAsks = 5

func TestReindexWhileAsking(t *testing.T) {
	cfg := setup(t, corpus(t, 600))
	mustRun(t, "--config", cfg, "ingest")
	a, err := openApp(context.Background(), &env{stdout: os.Stdout, stderr: os.Stderr, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := newService(a, metrics.NewStorybot(), nil)
	ctx := context.Background()
	ask := func(q string) (string, error) {
		ans, err := s.Ask(ctx, "", answer.Request{Question: q})
		return passages(ans), err
	}
	before := map[string]string{}
	for _, q := range crashQuestions {
		before[q], _ = ask(q)
	}
	done := make(chan error, 1)
	reindexed := make(chan struct{})
	go func() {
		_, err := s.Reindex(ctx, nil)
		done <- err
		close(reindexed)
	}()
	// Four askers ask until the re-index is over (and at least a few times
	// each), so the asks span the whole rebuild and the swap.
	var wg sync.WaitGroup
	var mu sync.Mutex
	asked, failed, empty := 0, 0, 0
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-reindexed:
					if i >= minAsks {
						return
					}
				default:
				}
				got, err := ask(crashQuestions[(w+i)%len(crashQuestions)])
				mu.Lock()
				asked++
				if err != nil {
					failed++
				} else if got == "" {
					empty++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if failed+empty > 0 {
		t.Errorf("of %d asks during the re-index, %d failed and %d came back empty", asked, failed, empty)
	}
	for _, q := range crashQuestions {
		if got, _ := ask(q); got != before[q] {
			t.Errorf("%q after the swap: got %s, want %s", q, got, before[q])
		}
	}
}

func TestInvalidScheduleStopsStart(t *testing.T) {
	cfg := setup(t, "")
	body, _ := os.ReadFile(cfg)
	bad := string(body) + "schedule:\n  digest: \"CRON_TZ=Europe/London0 8 * * *\"\n"
	if err := os.WriteFile(cfg, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "--config", cfg, "run")
	if code != 1 || !strings.Contains(errs, "schedule.digest") || !strings.Contains(errs, "CRON_TZ=Europe/London0") {
		t.Errorf("got exit %d, stderr %q; want a clear error naming the key and value", code, errs)
	}
}
