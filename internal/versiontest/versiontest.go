// Package versiontest guards a package's Version constant with a golden
// file: the hash of what the package makes of fixed corpora, beside the
// Version that made it. An index built by one version is rebuilt when the
// version changes, so output that changes while Version stays would leave
// indexes stale; this check makes that a failing test.
package versiontest

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// Check compares got (corpus name → hash of the package's output over it)
// and version with the golden file at path, which holds "version V" and one
// "corpus hash" line each. A corpus missing here (no ../shared) is not
// compared and keeps its golden hash. With update it rewrites the golden,
// refusing when output changed while version did not.
func Check(t *testing.T, path, version string, got map[string]string, update bool) {
	t.Helper()
	wantVersion, want := read(t, path, update)
	var changed, unknown []string
	for k, h := range got {
		switch w, ok := want[k]; {
		case !ok:
			unknown = append(unknown, k)
		case w != h:
			changed = append(changed, k)
		}
	}
	slices.Sort(changed)
	slices.Sort(unknown)
	if update {
		if len(changed) > 0 && wantVersion == version {
			t.Fatalf("output changed over %v but Version is still %q: bump it, then -update", changed, version)
		}
		write(t, path, version, got, want)
		return
	}
	if wantVersion != version {
		t.Errorf("Version is %q, %s holds %q: run the test with -update", version, path, wantVersion)
	}
	if len(changed) > 0 && wantVersion == version {
		t.Errorf("output changed over %v while Version stayed %q: bump Version and run -update", changed, version)
	}
	if len(unknown) > 0 {
		t.Errorf("%s has no hash for %v: run the test with -update", path, unknown)
	}
}

func read(t *testing.T, path string, update bool) (string, map[string]string) {
	t.Helper()
	hashes := map[string]string{}
	b, err := os.ReadFile(path)
	if err != nil {
		if !update {
			t.Fatalf("%v (run the test with -update)", err)
		}
		return "", hashes
	}
	version := ""
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		k, v, _ := strings.Cut(l, " ")
		if k == "version" {
			version = v
		} else if k != "" {
			hashes[k] = v
		}
	}
	return version, hashes
}

func write(t *testing.T, path, version string, got, old map[string]string) {
	t.Helper()
	all := maps.Clone(old)
	maps.Copy(all, got)
	var b strings.Builder
	fmt.Fprintf(&b, "version %s\n", version)
	for _, k := range slices.Sorted(maps.Keys(all)) {
		fmt.Fprintf(&b, "%s %s\n", k, all[k])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
