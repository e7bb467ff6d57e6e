package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2019-11-18T21:10:29+00:00", "2019-11-18T21:10:29Z"},
		{"2019-11-18T16:10:29-05:00", "2019-11-18T21:10:29Z"},
		{"2019-11-18T21:10:29.123Z", "2019-11-18T21:10:29.123Z"},
		{"2019-11-18T21:10:29", "2019-11-18T21:10:29Z"},
		{"2019-11-18 21:10:29", "2019-11-18T21:10:29Z"},
		{"2019-11-18", "2019-11-18T00:00:00Z"},
		{"2019-11-19T13:16+0000", "2019-11-19T13:16:00Z"},
		{"0001-01-01T00:00:00Z", ""},
		{"Mon, 18 Nov 2019 21:10:29 +0000", "2019-11-18T21:10:29Z"},
		{"November 18, 2019", "2019-11-18T00:00:00Z"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseTime(tt.in)
			s := ""
			if ok {
				s = got.Format(time.RFC3339Nano)
			}
			if s != tt.want {
				t.Errorf("parseTime(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name                     string
		page                     string
		title, byline, published string
	}{
		{
			name:      "meta tags",
			page:      `<head><meta property="og:title" content="Og Title"><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2020-01-02T03:04:05Z"></head>`,
			title:     "Og Title",
			byline:    "Jane Doe",
			published: "2020-01-02T03:04:05Z",
		},
		{
			name:      "json-ld graph",
			page:      `<title>Doc Title</title><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-05-06","author":{"@type":"Person","name":"Ann Lee"}}]}</script>`,
			title:     "Doc Title",
			byline:    "Ann Lee",
			published: "2021-05-06T00:00:00Z",
		},
		{
			name:      "time element and byline class",
			page:      `<body><h1>Heading</h1><span class="byline">By Sam Roe</span><time datetime="2022-07-08T09:10:00+02:00">8 July</time></body>`,
			title:     "Heading",
			byline:    "By Sam Roe",
			published: "2022-07-08T07:10:00Z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			m := readMeta(doc)
			m.title = firstNonEmpty(m.title, m.fallbackTitle)
			pub := ""
			if !m.published.IsZero() {
				pub = m.published.Format(time.RFC3339)
			}
			if m.title != tt.title || m.byline != tt.byline || pub != tt.published {
				t.Errorf("readMeta() = %q, %q, %q; want %q, %q, %q", m.title, m.byline, pub, tt.title, tt.byline, tt.published)
			}
		})
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"  by   Jane  Doe ", "Jane Doe"},
		{"Par Hélène Marchand", "Hélène Marchand"},
		{"Byron Hale", "Byron Hale"},
		{"Jane Doe | November 18, 2019 12:01 PM", "Jane Doe"},
		{"Sport Desk 19 November 2019 • 1:16pm", "Sport Desk"},
		{"Wire services Published 11:03 p.m. ET", "Wire services"},
		{strings.Repeat("x", 201), ""},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
