package index

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	bdoc "github.com/blevesearch/bleve/v2/document"

	"storybot/article"
)

// fieldView is what the index writes of one field.
type fieldView struct {
	options string
	length  int
	value   string
	freqs   map[string]int
}

// view analyses every field of d that scorch would (Analyze is a no-op on
// the fields analysed ahead) and returns what each holds.
func view(d *bdoc.Document) map[string]fieldView {
	out := map[string]fieldView{}
	for _, f := range d.Fields {
		if !f.Options().IsIndexed() {
			out[f.Name()] = fieldView{options: f.Options().String(), value: string(f.Value())}
			continue
		}
		f.Analyze()
		v := fieldView{options: f.Options().String(), length: f.AnalyzedLength(), freqs: map[string]int{}}
		if f.Options().IsStored() {
			v.value = string(f.Value())
		}
		for term, tf := range f.AnalyzedTokenFrequencies() {
			v.freqs[term] = tf.Frequency()
		}
		out[f.Name()] = v
	}
	return out
}

// reference maps ps as bleve would on its own: the article document's
// text is the passages' joined, analysed again.
func reference(t *testing.T, ps []article.Passage) []*bdoc.Document {
	t.Helper()
	m := newMapping()
	var docs []*bdoc.Document
	texts := make([]string, len(ps))
	for i, p := range ps {
		d := bdoc.NewDocument(p.ID)
		if err := m.MapDocument(d, document(p)); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		texts[i] = p.Text
	}
	a := articleDocument(ps)
	a[fieldArticleBody] = strings.Join(texts, "\n\n")
	d := bdoc.NewDocument(ps[0].ArticleID)
	if err := m.MapDocument(d, a); err != nil {
		t.Fatal(err)
	}
	return append(docs, d)
}

// TestAnalyzedAsBleveWould: the documents analysed ahead (the article's
// text summed from its passages, the title analysed once) index exactly
// what bleve's own analysis of the whole text gives.
func TestAnalyzedAsBleveWould(t *testing.T) {
	day := time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ps   []article.Passage
	}{
		{"one passage", passages("a1", "Leak row", "wire", day, "Police stopped sharing information.")},
		{"words repeated across passages", passages("a2", "Manchester leak: May to confront Trump", "dc", day,
			"Theresa May said she would make clear to Donald Trump that intelligence must remain secure.",
			"\"I will make clear,\" May said, \"that intelligence shared must remain secure.\"",
			"The National Police Chiefs' Council said the leaks undermined the investigation.",
			"Amber Rudd, the Home Secretary, called the leaks irritating; the U.S. said it would look into them.")},
		{"odd text", passages("a3", "Ünïcode — café & co. 2017's £5bn", "src", day,
			"", "the the the and of", "mid-word hyphen-ated e-mail 3.5% £1,200 O'Neill's", "Ça va? 東京 😀 — naïve façade",
			"colour color organisation organization")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := analyzed(newMapping(), tt.ps)
			if err != nil {
				t.Fatal(err)
			}
			want := reference(t, tt.ps)
			if len(got) != len(want) {
				t.Fatalf("%d documents, want %d", len(got), len(want))
			}
			for i := range want {
				g, w := view(got[i]), view(want[i])
				if got[i].ID() != want[i].ID() || len(got[i].Fields) != len(want[i].Fields) {
					t.Fatalf("document %d: %s with %d fields, want %s with %d", i, got[i].ID(), len(got[i].Fields), want[i].ID(), len(want[i].Fields))
				}
				for name, wf := range w {
					gf := g[name]
					if gf.options != wf.options || gf.length != wf.length || gf.value != wf.value || !maps.Equal(gf.freqs, wf.freqs) {
						t.Errorf("%s field %s:\n got %s\nwant %s", want[i].ID(), name, show(gf), show(wf))
					}
				}
			}
		})
	}
}

func show(v fieldView) string {
	return fmt.Sprintf("%s length %d value %q terms %v", v.options, v.length, v.value, v.freqs)
}
