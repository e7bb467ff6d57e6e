package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"

	"storybot/scale"
)

// benchPhases are the measured steps, in order; each runs in a process of
// its own.
var benchPhases = []string{"ingest", "reindex", "ask", "http"}

// cmdBench generates a corpus of real and synthetic news (or reuses the
// one in --dir) and measures ingest, re-index, the data folder's size, ask
// latency in-process and /ask end to end over HTTP interactions, each step
// in a child process so that its peak memory is its own.
func cmdBench(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	shared := fs.String("shared", "../shared", "the research data folder (corpus/bbc and eval/)")
	articles := fs.Int("articles", 10000, "articles in the corpus: the real ones of --shared, then synthetic ones")
	dir := fs.String("dir", "", "keep the corpus and its data folder here and reuse them (default: a temporary folder, removed)")
	phases := fs.String("phases", strings.Join(benchPhases, ","), "steps to measure: ingest, reindex, ask, http (all but ingest need a data folder ingested before)")
	questions := fs.Int("questions", 0, "ask only the first N questions of the dev sets (default: all)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	profile := fs.String("profile", "", "write each step's CPU and allocation profiles (STEP.cpu.pprof, STEP.alloc.pprof) to this folder")
	phase := fs.String("phase", "", "run one step here and print its result (used by bench itself)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *articles <= 0 {
		return errUsage
	}
	if *phase != "" {
		return benchPhase(ctx, e, *phase, *dir, *shared, *profile, *questions)
	}
	want := strings.Split(*phases, ",")
	for _, p := range want {
		if !slices.Contains(benchPhases, p) {
			return fmt.Errorf("unknown step %q: want some of %s", p, strings.Join(benchPhases, ", "))
		}
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "storybot-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	c, err := scale.Generate(ctx, *shared, *dir, *articles)
	if err != nil {
		return err
	}
	r := scale.NewReport(c)
	child := func(name string, v any) error {
		if !slices.Contains(want, name) {
			return nil
		}
		return runPhase(ctx, e, name, v, "--dir", *dir, "--shared", *shared, "--profile", *profile, "--questions", strconv.Itoa(*questions))
	}
	if err := child("ingest", &r.Ingest); err != nil {
		return err
	}
	if r.Ingest != nil {
		s, err := scale.SizeOf(filepath.Join(*dir, "data"))
		if err != nil {
			return err
		}
		r.Size = &s
	}
	if err := child("reindex", &r.Reindex); err != nil {
		return err
	}
	if err := child("ask", &r.Ask); err != nil {
		return err
	}
	if err := child("http", &r.HTTP); err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	r.WriteText(e.stdout)
	return nil
}

// runPhase runs one step in a child storybot and decodes its result into
// v, a **scale.Phase[T], adding the CPU time the child used.
func runPhase(ctx context.Context, e *env, name string, v any, flags ...string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, append([]string{"bench", "--phase", name}, flags...)...)
	cmd.Stdout, cmd.Stderr = &out, e.stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		return fmt.Errorf("%s: read result: %w", name, err)
	}
	raw["cpu_seconds"] = json.RawMessage(strconv.FormatFloat(cpu, 'f', 3, 64))
	b, _ := json.Marshal(raw)
	return json.Unmarshal(b, v)
}

// benchPhase runs one step in this process and prints its result with the
// process's memory.
func benchPhase(ctx context.Context, e *env, name, dir, shared, profile string, questions int) error {
	c, err := scale.OpenCorpus(dir)
	if err != nil {
		return err
	}
	if profile != "" {
		stop, err := startProfiles(filepath.Join(profile, name))
		if err != nil {
			return err
		}
		defer stop()
	}
	data := filepath.Join(dir, "data")
	mem := scale.SampleMemory()
	var res any
	switch name {
	case "ingest":
		tuneGCForBulk() // as storybot ingest and reindex
		res, err = scale.Ingest(ctx, data, c)
	case "reindex":
		tuneGCForBulk()
		res, err = scale.Reindex(ctx, data)
	case "ask", "http":
		var qs []string
		if qs, err = scale.Questions(shared); err != nil {
			break
		}
		if questions > 0 {
			qs = qs[:min(questions, len(qs))]
		}
		if name == "ask" {
			res, err = scale.Ask(ctx, data, qs)
		} else {
			res, err = benchHTTP(ctx, e, data, qs)
		}
	default:
		return fmt.Errorf("unknown step %q", name)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(e.stdout).Encode(map[string]any{"result": res, "memory": mem.Stop()})
}

// startProfiles starts a CPU profile and records every allocation; stop
// writes them to prefix.cpu.pprof and prefix.alloc.pprof.
func startProfiles(prefix string) (stop func(), err error) {
	if err := os.MkdirAll(filepath.Dir(prefix), 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(prefix + ".cpu.pprof")
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		if f, err := os.Create(prefix + ".alloc.pprof"); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}, nil
}
