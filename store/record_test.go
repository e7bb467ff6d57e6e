package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"storybot/article"
)

// TestReadsSchema1File: a file written before records were compressed
// (plain JSON records, schema 1) opens, reads as before, is marked schema
// 2, and its records are rewritten compressed when they change.
func TestReadsSchema1File(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "storybot.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var stored []article.Article
	for _, u := range []string{"https://n.example/a", "https://n.example/b", "https://n.example/c"} {
		a, _, err := s.PutArticle(ctx, article.Article{URL: u, Title: "T " + u, Paragraphs: body(u, 4)})
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, a)
	}
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: "https://mirror.example/a", Title: "T", Paragraphs: body("https://n.example/a", 4)}); st != Duplicate {
		t.Fatalf("mirror: got %v, want duplicate", st)
	}
	downgrade(t, s)
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("open a schema 1 file: %v", err)
	}
	defer s.Close()
	if v := rawGet(t, s, bucketMeta, keySchema); string(v) != schemaVersion {
		t.Errorf("schema after Open: %q, want %q", v, schemaVersion)
	}
	for _, a := range stored {
		got, err := s.Article(ctx, a.ID)
		if err != nil || got.Title != a.Title || strings.Join(got.Paragraphs, "\n") != strings.Join(a.Paragraphs, "\n") {
			t.Errorf("Article(%s) = %+v, %v; want %+v", a.ID, got, err, a)
		}
	}
	if got, err := s.ArticleByURL(ctx, "https://mirror.example/a"); err != nil || got.ID != stored[0].ID {
		t.Errorf("alias of a plain record: %v, %v", got.ID, err)
	}
	n := 0
	if err := s.EachArticle(ctx, func(article.Article) error { n++; return nil }); err != nil || n != len(stored) {
		t.Errorf("EachArticle: %d articles, %v; want %d", n, err, len(stored))
	}
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: stored[1].URL, Title: stored[1].Title, Paragraphs: stored[1].Paragraphs}); st != Unchanged {
		t.Errorf("re-put of a plain record: %v, want unchanged", st)
	}
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: stored[2].URL, Title: "changed", Paragraphs: stored[2].Paragraphs}); st != Updated {
		t.Errorf("changed plain record: %v, want updated", st)
	}
	if v := rawGet(t, s, bucketArticles, []byte(stored[2].ID)); len(v) == 0 || v[0] != tagFlate {
		t.Errorf("updated record starts %q, want it compressed", v[:min(len(v), 8)])
	}
	if v := rawGet(t, s, bucketArticles, []byte(stored[1].ID)); len(v) == 0 || v[0] != '{' {
		t.Errorf("unchanged record starts %q, want it left as it was", v[:min(len(v), 8)])
	}
}

// downgrade rewrites s as schema 1 wrote it: every record plain JSON.
func downgrade(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		plain := map[string][]byte{}
		err := b.ForEach(func(k, v []byte) error {
			rec, err := decodeRecord(k, v)
			if err != nil {
				return err
			}
			plain[string(k)], err = json.Marshal(rec)
			return err
		})
		if err != nil {
			return err
		}
		for k, v := range plain {
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(schemaPlain))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func rawGet(t *testing.T, s *Store, bucket, key []byte) []byte {
	t.Helper()
	var v []byte
	s.db.View(func(tx *bolt.Tx) error {
		v = append([]byte(nil), tx.Bucket(bucket).Get(key)...)
		return nil
	})
	return v
}

// TestRecordsCompressed: a record is stored deflated, smaller than its
// JSON, and reads back equal.
func TestRecordsCompressed(t *testing.T) {
	s := openTemp(t)
	a, _, err := s.PutArticle(context.Background(), article.Article{URL: "https://n.example/long", Title: "Long", Outlet: "N", Paragraphs: body("long", 40)})
	if err != nil {
		t.Fatal(err)
	}
	v := rawGet(t, s, bucketArticles, []byte(a.ID))
	rec, err := decodeRecord([]byte(a.ID), v)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(rec)
	if v[0] != tagFlate || len(v) >= len(js)/2 {
		t.Errorf("stored %d bytes starting %#x for %d bytes of JSON, want it deflated", len(v), v[0], len(js))
	}
	got, err := s.Article(context.Background(), a.ID)
	if err != nil || got.Title != a.Title || got.Outlet != a.Outlet || got.Hash != a.Hash || strings.Join(got.Paragraphs, "\n") != strings.Join(a.Paragraphs, "\n") {
		t.Errorf("read back %+v, %v; want %+v", got, err, a)
	}
}

// TestDecodeRecordDamaged: a value that is neither JSON nor a whole
// deflate stream is an error naming the article, not a panic or a
// half-read record.
func TestDecodeRecordDamaged(t *testing.T) {
	good, err := encodeRecord(record{Article: article.Article{ID: "abc", Title: "t", Paragraphs: body("x", 5)}})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string][]byte{
		"empty":           {},
		"unknown tag":     append([]byte{0x7f}, good[1:]...),
		"truncated":       good[:len(good)/2],
		"tag alone":       {tagFlate},
		"not JSON inside": append([]byte{tagFlate}, good[2:]...),
		"broken JSON":     []byte(`{"id":`),
	} {
		if _, err := decodeRecord([]byte("abc"), v); err == nil || !strings.Contains(err.Error(), "decode article abc") {
			t.Errorf("%s: got %v, want an error naming the article", name, err)
		}
	}
}

// TestOpenRefusesNewerSchema: a file from a newer storybot is refused,
// not misread.
func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storybot.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("3")) })
	s.Close()
	if s, err := Open(path); err == nil || !strings.Contains(err.Error(), "schema version 3") {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open of a schema 3 file: %v, want a refusal", err)
	}
}
