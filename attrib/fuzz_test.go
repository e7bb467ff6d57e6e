package attrib

import (
	"os"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// FuzzAttribute attributes any text, split into paragraphs at blank lines,
// as published by any outlet: no panic, one speaker list per paragraph, and
// every quote a verbatim part of its paragraph, as Attribute promises.
func FuzzAttribute(f *testing.F) {
	f.Add("", "\"We will fight this,\" said Roger Carr, Cadbury's chairman.\n\nHe added: \"The offer is too low.")
	f.Add("BBC News", "U.K. Home Secretary Amber Rudd said it was irritating.\n\nAccording to police, the leak harmed the inquiry.")
	f.Add("CNN", "“Open quote never closed\n\n” said")
	f.Add("USA TODAY", "The plant will close, CNN reported.\n\n\"No,\" Ann Lee told USA TODAY Network.")
	if files := sharedtest.Glob("seed/*.txt"); len(files) > 0 {
		b, err := os.ReadFile(files[0])
		if err != nil {
			f.Fatal(err)
		}
		f.Add("", string(b))
	}
	for _, p := range sharedtest.Glob("eval/attrib-dev.jsonl") {
		for _, para := range sharedtest.Strings(f, p, "paragraph") {
			f.Add("The Week", para)
		}
	}
	f.Fuzz(func(t *testing.T, outlet, text string) {
		paras := strings.Split(text, "\n\n")
		got := Attribute(outlet, paras)
		if len(got) != len(paras) {
			t.Fatalf("got %d speaker lists for %d paragraphs", len(got), len(paras))
		}
		for i, sp := range got {
			for _, s := range sp {
				if !strings.Contains(paras[i], s.Quote) {
					t.Fatalf("paragraph %d: quote %q of %q is not in %q", i, s.Quote, s.Name, paras[i])
				}
			}
		}
	})
}
