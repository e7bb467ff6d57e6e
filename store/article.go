package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"storybot/article"
	"storybot/internal/parallel"
)

// PutStatus says what PutArticle did with an article.
type PutStatus int

// The outcomes of PutArticle.
const (
	New       PutStatus = iota + 1 // first time this URL and body were seen
	Updated                        // known URL, content changed: record rewritten
	Unchanged                      // known URL, same content: nothing written
	Duplicate                      // same body as a stored article under another URL
)

// String returns the status in lower case, for logs.
func (st PutStatus) String() string {
	switch st {
	case New:
		return "new"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	}
	return fmt.Sprintf("PutStatus(%d)", int(st))
}

// minDedupBody is the shortest body, in characters, that PutArticle will
// treat as evidence that two URLs carry one story: empty or one-line bodies
// (title-only feed items, "Read more") would make unrelated articles collide.
const minDedupBody = 200

// record is an article as stored, with the bookkeeping PutArticle needs.
type record struct {
	article.Article
	BodyHash  string    `json:"body_hash"`
	FirstSeen time.Time `json:"first_seen"` // when the URL was first stored
	Stored    time.Time `json:"stored"`     // when it was last written; key of the added bucket
	Aliases   []string  `json:"aliases,omitempty"`
}

// PutArticle stores a, keyed by its canonical URL. It sets a.URL to the
// canonical URL, a.ID to article.IDFor of it, and a.Hash to
// article.ContentHash when empty. A known URL with the same hash is
// Unchanged; with another hash it is Updated (first-seen time kept). A new
// URL whose body matches a stored article is a Duplicate: the stored
// article is returned and the URL remembered as its alias, so re-fetching
// it is cheap. All in one transaction.
func (s *Store) PutArticle(ctx context.Context, a article.Article) (article.Article, PutStatus, error) {
	a, err := prepare(a)
	if err != nil {
		return article.Article{}, 0, fmt.Errorf("store: put article: %w", err)
	}
	if stored, st, ok := s.putNoWrite(ctx, a); ok {
		return stored, st, nil // an unchanged re-fetch: no body hash needed
	}
	p := withBody(a)
	var stored article.Article
	var st PutStatus
	err = s.update(ctx, func(tx *bolt.Tx) error {
		var err error
		stored, st, err = articleTx(tx).put(p, s.now())
		return err
	})
	if err != nil {
		return article.Article{}, 0, fmt.Errorf("store: put article %s: %w", p.URL, err)
	}
	return stored, st, nil
}

// PutResult is what PutArticles did with one article.
type PutResult struct {
	Article article.Article // as stored: the existing one for a Duplicate
	Status  PutStatus
}

// PutArticles applies PutArticle to each article in one transaction, one
// fsync for the lot, for bulk imports. If any article fails nothing is
// written.
func (s *Store) PutArticles(ctx context.Context, as []article.Article) ([]PutResult, error) {
	ps := make([]prepared, len(as))
	errs := make([]error, len(as))
	parallel.For(len(as), func(i int) { // hashing is most of it
		var a article.Article
		if a, errs[i] = prepare(as[i]); errs[i] == nil {
			ps[i] = withBody(a)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("store: put articles: %w", err)
		}
	}
	results := make([]PutResult, len(as))
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b, now := articleTx(tx), s.now()
		for i, p := range ps {
			stored, st, err := b.put(p, now)
			if err != nil {
				return fmt.Errorf("%s: %w", p.URL, err)
			}
			results[i] = PutResult{stored, st}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: put articles: %w", err)
	}
	return results, nil
}

// prepared is an article prepared for writing, with its body hash.
type prepared struct {
	article.Article
	body string // article.BodyHash of its paragraphs
}

func withBody(a article.Article) prepared {
	return prepared{a, article.BodyHash(a.Paragraphs)}
}

// prepare sets the canonical URL, ID and hash PutArticle keys on.
func prepare(a article.Article) (article.Article, error) {
	if strings.TrimSpace(a.URL) == "" {
		return article.Article{}, errors.New("empty url")
	}
	u, err := article.CanonicalURL(a.URL)
	if err != nil {
		return article.Article{}, err
	}
	a.URL, a.ID = u, article.IDFor(u)
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Title, a.Paragraphs)
	}
	return a, nil
}

// putNoWrite answers PutArticle from a read transaction when nothing would
// be written, as for most re-fetches: a write transaction costs an fsync
// even when it changes nothing.
func (s *Store) putNoWrite(ctx context.Context, a article.Article) (article.Article, PutStatus, bool) {
	var stored article.Article
	var st PutStatus
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := articleTx(tx)
		id := b.urls.Get([]byte(a.URL))
		if id == nil {
			return ErrNotFound
		}
		rec, err := b.get(id)
		switch {
		case err != nil:
			return err
		case string(id) == a.ID && rec.Hash == a.Hash:
			stored, st = rec.Article, Unchanged
		case string(id) != a.ID && rec.BodyHash == article.BodyHash(a.Paragraphs):
			stored, st = rec.Article, Duplicate
		}
		return nil
	})
	return stored, st, err == nil && st != 0
}

// Article returns the article with the given ID, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (article.Article, error) {
	var rec record
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		rec, err = articleTx(tx).get([]byte(id))
		return err
	})
	if err != nil {
		return article.Article{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	return rec.Article, nil
}

// ArticleByURL returns the article stored under rawURL once canonicalised,
// as its own URL or as a duplicate's alias; ErrNotFound otherwise.
func (s *Store) ArticleByURL(ctx context.Context, rawURL string) (article.Article, error) {
	u, err := article.CanonicalURL(rawURL)
	if err != nil {
		return article.Article{}, fmt.Errorf("store: article by url: %w", err)
	}
	var rec record
	err = s.view(ctx, func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketURLs).Get([]byte(u))
		if id == nil {
			return ErrNotFound
		}
		rec, err = articleTx(tx).get(id)
		return err
	})
	if err != nil {
		return article.Article{}, fmt.Errorf("store: article by url %s: %w", u, err)
	}
	return rec.Article, nil
}

// EachArticle calls fn for every article in ID order, stopping at the first
// error. fn runs outside any transaction, so it may write to the store;
// articles put meanwhile may or may not be seen.
func (s *Store) EachArticle(ctx context.Context, fn func(article.Article) error) error {
	err := s.scan(ctx, bucketArticles, nil, func(k, v []byte) error {
		rec, err := decodeRecord(k, v)
		if err != nil {
			return err
		}
		return fn(rec.Article)
	})
	if err != nil {
		return fmt.Errorf("store: each article: %w", err)
	}
	return nil
}

// ArticlesAddedSince calls fn, oldest first, for every article first stored
// or last updated at or after t.
func (s *Store) ArticlesAddedSince(ctx context.Context, t time.Time, fn func(article.Article) error) error {
	err := s.scan(ctx, bucketAdded, timeKey(t), func(k, _ []byte) error {
		a, err := s.Article(ctx, string(k[8:]))
		if errors.Is(err, ErrNotFound) {
			return nil // deleted since the batch was read
		}
		if err != nil {
			return err
		}
		return fn(a)
	})
	if err != nil {
		return fmt.Errorf("store: articles added since %s: %w", t.Format(time.RFC3339), err)
	}
	return nil
}

// CountArticles returns the number of stored articles (aliases not counted).
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := s.view(ctx, func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketArticles).Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: count articles: %w", err)
	}
	return n, nil
}

// DeleteArticle removes an article with its aliases, or returns ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		return articleTx(tx).delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("store: delete article %s: %w", id, err)
	}
	return nil
}

// timeKey orders times as big-endian bytes; nil (scan from the start) for
// times UnixNano cannot represent, such as the zero time.
func timeKey(t time.Time) []byte {
	if t.Year() < 1678 || t.Year() > 2261 {
		return nil
	}
	return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())^(1<<63))
}

func addedKey(t time.Time, id string) []byte {
	k := timeKey(t)
	if k == nil {
		k = make([]byte, 8)
	}
	return append(k, id...)
}

func dedupable(paragraphs []string) bool {
	n := 0
	for _, p := range paragraphs {
		n += len(strings.TrimSpace(p))
	}
	return n >= minDedupBody
}

// scanBatch is how many entries scan reads per transaction.
const scanBatch = 256

// scan calls fn for each entry of bucket from start (nil: the first) in
// key order. It reads a batch per read transaction and calls fn outside it,
// so a slow or writing fn never holds bbolt's locks.
func (s *Store) scan(ctx context.Context, bucket, start []byte, fn func(k, v []byte) error) error {
	for {
		var keys, vals [][]byte
		err := s.view(ctx, func(tx *bolt.Tx) error {
			c := tx.Bucket(bucket).Cursor()
			k, v := c.First()
			if start != nil {
				k, v = c.Seek(start)
			}
			for ; k != nil && len(keys) < scanBatch; k, v = c.Next() {
				keys, vals = append(keys, bytes.Clone(k)), append(vals, bytes.Clone(v))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range keys {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(keys[i], vals[i]); err != nil {
				return err
			}
		}
		if len(keys) < scanBatch {
			return nil
		}
		start = append(keys[len(keys)-1], 0) // the least key after the last one read
	}
}
