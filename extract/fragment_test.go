package extract

import (
	"slices"
	"testing"
)

func TestFragment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "paragraphs and furniture",
			in: `<p>The bridge reopened on Monday.</p><figure><img src="a.jpg"><figcaption>The bridge at dawn.</figcaption></figure>` +
				`<p>Traffic was light.</p><p><a href="/more">Read more</a></p><div class="share-links"><a href="#">Share</a></div>`,
			want: []string{"The bridge reopened on Monday.", "Traffic was light."},
		},
		{
			name: "double br splits, single br joins",
			in:   "First line<br>continues here.<br><br>Second paragraph.",
			want: []string{"First line continues here.", "Second paragraph."},
		},
		{
			name: "lists, quotes and headings",
			in:   "<h3>What changes</h3><ul><li>Fares stay the same.</li><li>Trains run later.</li></ul><blockquote>We are pleased.</blockquote>",
			want: []string{"What changes", "Fares stay the same.", "Trains run later.", "We are pleased."},
		},
		{
			name: "plain text with blank lines and entities",
			in:   "Rain fell all day &amp; night.\n\nRivers rose.\n",
			want: []string{"Rain fell all day & night.", "Rivers rose."},
		},
		{
			name: "feed footer",
			in:   `<p>Prices rose 2% in May.</p><p>The post <a href="/x">Prices rise</a> appeared first on <a href="/">Example News</a>.</p>`,
			want: []string{"Prices rose 2% in May."},
		},
		{
			name: "empty",
			in:   "",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fragment(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Fragment() = %q, want %q", got, tt.want)
			}
		})
	}
}
