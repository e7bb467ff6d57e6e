// Package sharedtest locates the research data that tests read from
// ../shared, beside the repository: the seed article, the BBC corpus, real
// feeds, the extraction benchmark and the evaluation sets. A user's clone
// has no ../shared, so tests that need it skip with a message.
package sharedtest

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the ../shared folder, or skips tb when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	d, ok := dir()
	if !ok {
		tb.Skip("../shared not found: research data lives beside the repository, not in it")
	}
	return d
}

// Path returns a path inside ../shared, or skips tb when it is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("../shared has no %s: %v", filepath.Join(elem...), err)
	}
	return p
}

// RepoRoot returns the folder holding go.mod.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

func dir() (string, bool) {
	d := filepath.Join(RepoRoot(), "..", "shared")
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		return "", false
	}
	return d, true
}

// Glob returns the files of ../shared matching pattern (relative to it),
// or none when ../shared is absent: fuzz targets seed from it when they can
// and still run without it.
func Glob(pattern string) []string {
	d, ok := dir()
	if !ok {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(d, pattern))
	return files
}

// Fuzzing reports whether the test binary runs with -fuzz. A fuzz target
// whose seeds are costly (whole real pages) and checked elsewhere by plain
// tests adds them only then, so `go test` does not run them twice.
func Fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// Strings returns the string field named field of each line of a JSONL
// file, skipping lines without it: fuzz targets seed from eval sets' fields.
func Strings(tb testing.TB, path, field string) []string {
	tb.Helper()
	file, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	var out []string
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row map[string]any
		if json.Unmarshal(sc.Bytes(), &row) != nil {
			continue
		}
		if s, ok := row[field].(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}
