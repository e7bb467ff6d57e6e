package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const quayPage = `<html><head><title>Harbour reopens</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens</h1>
<p>Port director Jane Okafor said the harbour would reopen on Friday after three weeks of repairs.</p>
<p>"The sea wall is stronger than it has ever been," she said. "We are ready."</p>
<p>Fishing boats returned to their moorings within hours, and councillor Tom Reyes thanked mayor Dan Miller for the repairs.</p>
<p>"It was a long three weeks for everyone here," he said.</p>
</article></body></html>`

func writeQuayPage(t *testing.T) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "quay.html")
	if err := os.WriteFile(page, []byte(quayPage), 0o600); err != nil {
		t.Fatal(err)
	}
	return page
}

func TestAttribCommandJSON(t *testing.T) {
	out := mustRun(t, "--config", setup(t, ""), "attrib", "--json", "--url", "https://news.example/quay", writeQuayPage(t))
	var got attribution
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.URL != "https://news.example/quay" || got.Title != "Harbour reopens" {
		t.Errorf("got url %q title %q", got.URL, got.Title)
	}
	want := []statementOutline{
		{"Jane Okafor", "Port director", "the harbour would reopen on Friday after three weeks of repairs.", 1, "reported"},
		{"Jane Okafor", "Port director", "The sea wall is stronger than it has ever been", 2, "direct"},
		{"Jane Okafor", "Port director", "We are ready.", 2, "direct"},
		{"", "", "It was a long three weeks for everyone here", 4, "direct"}, // he may be either man
	}
	if len(got.Statements) != len(want) {
		t.Fatalf("got %d statements %+v, want %d", len(got.Statements), got.Statements, len(want))
	}
	for i, w := range want {
		if got.Statements[i] != w {
			t.Errorf("statement %d: got %+v, want %+v", i, got.Statements[i], w)
		}
	}
}

func TestAttribCommandText(t *testing.T) {
	out := mustRun(t, "--config", setup(t, ""), "attrib", writeQuayPage(t))
	for _, want := range []string{
		"Harbour reopens\n",
		"[2] Jane Okafor (Port director), direct: “We are ready.”",
		"[4] (speaker uncertain), direct: “It was a long three weeks for everyone here”",
		"4 statements",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAttribCommandErrors(t *testing.T) {
	if _, _, code := run(t, "attrib"); code != 2 {
		t.Errorf("attrib with no page: got exit %d, want 2", code)
	}
	_, errs, code := run(t, "--config", setup(t, ""), "attrib", filepath.Join(t.TempDir(), "missing.html"))
	if code != 1 || !strings.Contains(errs, "storybot attrib:") {
		t.Errorf("missing file: got exit %d, stderr %q; want 1 and the error", code, errs)
	}
}
