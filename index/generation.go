package index

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// readCurrent returns the folder name of the serving generation.
func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if !strings.HasPrefix(name, "gen-") || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("index: bad %s %q", currentFile, name)
	}
	return name, nil
}

// writeCurrent points CURRENT at gen atomically: a crash leaves either the
// old name or the new one, never a torn file.
func writeCurrent(dir, gen string) error {
	tmp := filepath.Join(dir, currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if _, err := f.WriteString(gen + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("index: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("index: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: makes the rename durable on Linux
		d.Close()
	}
	return nil
}

// removeStale deletes every generation but the serving one: partial
// rebuilds from a crash and generations already swapped out.
func (ix *Index) removeStale() {
	entries, err := os.ReadDir(ix.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != ix.name {
			slog.Info("index: removing stale generation", "generation", e.Name())
			if err := os.RemoveAll(filepath.Join(ix.dir, e.Name())); err != nil {
				slog.Warn("index: remove stale generation", "generation", e.Name(), "error", err)
			}
		}
	}
}
