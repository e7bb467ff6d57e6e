package feed

import (
	"net/url"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  plain  title \n", "plain title"},
		{"Fish &amp; Chips", "Fish & Chips"},
		{"AT&amp;amp;T sells unit", "AT&T sells unit"}, // escaped twice
		{"Caf&eacute; &#8220;quoted&#8221;", "Café “quoted”"},
		{"<b>Bold</b>'s move", "Bold's move"},
		{"line<br>break", "line break"},
		{"a < b and c > d", "a < b and c > d"},
		{"Tom & Jerry", "Tom & Jerry"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("https://news.example/feeds/world.xml")
	tests := []struct{ ref, want string }{
		{"https://other.example/a", "https://other.example/a"},
		{"/2024/story", "https://news.example/2024/story"},
		{"story.html", "https://news.example/feeds/story.html"},
		{"//cdn.example/x", "https://cdn.example/x"},
		{"  /padded  ", "https://news.example/padded"},
		{"javascript:alert(1)", ""},
		{"mailto:desk@news.example", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			if got := resolve(base, tt.ref); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSeen(t *testing.T) {
	items := []Item{
		{GUID: "a", Link: "https://x/1"},
		{GUID: "a", Link: "https://x/2"}, // same GUID
		{GUID: "b", Link: "https://x/1"}, // same link
		{Link: "https://x/3"},
		{Link: "https://x/3"}, // no GUID, same link
		{Title: "no keys"},
		{Title: "no keys"}, // nothing to compare on: kept
	}
	want := []bool{false, true, true, false, true, false, false}
	s := newSeen(len(items))
	for i, it := range items {
		if got := s.repeat(it); got != want[i] {
			t.Errorf("item %d: got repeat %v, want %v", i, got, want[i])
		}
	}
}
