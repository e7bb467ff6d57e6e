package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// oneRegexp is the boilerplate line pattern as a single regexp, every form
// of boilerTails written as ^.{0,max}tail$ among the others: what
// boilerLine and isBoilerTail together must match, line for line.
var oneRegexp = regexp.MustCompile(`(?i)^(` + strings.Join([]string{
	strings.TrimSuffix(strings.TrimPrefix(boilerLine.String(), `(?i)^(`), `)$`),
	`.{0,250}\b(contributed|also contributed) (reporting )?to this (report|story|article)\.?`,
	`.{0,120}all rights reserved\.?`,
	`.{1,60} (logo|icon)`,
	`.{0,60}(\bvia |/)\s?getty images\)?`,
	`.{0,60}(shutterstock|alamy|istock(photo)?)( images)?\)?`,
}, "|") + `)$`)

// TestBoilerTailsAgreeWithOneRegexp checks the split pattern against the
// single one on lines made to sit on either side of every tail's length
// limit, in one-byte and two-byte letters, and on the paragraphs of one in 20
// BBC articles when ../shared is there.
func TestBoilerTailsAgreeWithOneRegexp(t *testing.T) {
	tails := []string{" contributed to this report.", " also contributed reporting to this story", "x contributed to this article.",
		" All rights reserved.", " all rights reserved", " logo", " Icon", " via Getty Images)", "/Getty Images", " / getty images",
		" Shutterstock", "/Alamy Images)", " iStockphoto", " istock images)"}
	var lines []string
	for _, tail := range tails {
		for _, n := range []int{0, 1, 58, 59, 60, 61, 119, 120, 121, 249, 250, 251, 400} {
			for _, unit := range []string{"é", "word "} {
				prefix := strings.Repeat(unit, n)
				prefix = string([]rune(prefix)[:n])
				line := normalizeSpace(prefix + tail)
				lines = append(lines, line, line+" logo", strings.ToUpper(line), line+".")
			}
		}
	}
	if shared, ok := sharedDir(); ok {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "bbc", "*", "*.txt"))
		for i, f := range files {
			if i%20 != 0 {
				continue // one article in 20: the single regexp is slow
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range strings.Split(string(b), "\n") {
				lines = append(lines, normalizeSpace(p))
			}
		}
	}
	matched := 0
	for _, line := range lines {
		want := oneRegexp.MatchString(line)
		if got := boilerLine.MatchString(line) || isBoilerTail(line); got != want {
			t.Errorf("%q: split patterns say %v, the single one %v", line, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 200 || matched == len(lines) {
		t.Errorf("%d of %d lines matched: the lines do not test both sides", matched, len(lines))
	}
}

// sharedDir is ../shared when it is there; the test runs without it too.
func sharedDir() (string, bool) {
	d := filepath.Join(sharedtest.RepoRoot(), "..", "shared")
	_, err := os.Stat(d)
	return d, err == nil
}
