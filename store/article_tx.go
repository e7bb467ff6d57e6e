package store

import (
	"errors"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"storybot/article"
)

// articleBuckets is the article side of one write or read transaction.
type articleBuckets struct {
	articles, urls, bodies, added, pending *bolt.Bucket
}

// addedFill is how full bbolt packs the added bucket's pages when it
// splits them (its default is half): keys there are times, so new ones go
// at the end and a full page is rarely written again.
const addedFill = 0.9

func articleTx(tx *bolt.Tx) articleBuckets {
	b := articleBuckets{
		articles: tx.Bucket(bucketArticles),
		urls:     tx.Bucket(bucketURLs),
		bodies:   tx.Bucket(bucketBodies),
		added:    tx.Bucket(bucketAdded),
		pending:  tx.Bucket(bucketPending),
	}
	b.added.FillPercent = addedFill
	return b
}

func (b articleBuckets) get(id []byte) (record, error) {
	v := b.articles.Get(id)
	if v == nil {
		return record{}, ErrNotFound
	}
	return decodeRecord(id, v)
}

// put applies PutArticle's rules to a, whose URL, ID and Hash are set.
func (b articleBuckets) put(p prepared, now time.Time) (article.Article, PutStatus, error) {
	a, body := p.Article, p.body
	if id := b.urls.Get([]byte(a.URL)); id != nil {
		rec, err := b.get(id)
		switch {
		case err == nil && string(id) == a.ID:
			if rec.Hash == a.Hash {
				return rec.Article, Unchanged, nil
			}
			return b.update(rec, a, body, now)
		case err == nil && rec.BodyHash == body:
			return rec.Article, Duplicate, nil
		case err == nil:
			// The alias now carries other content: it becomes its own article.
			if err := b.dropAlias(rec, a.URL); err != nil {
				return article.Article{}, 0, err
			}
		case !errors.Is(err, ErrNotFound):
			return article.Article{}, 0, err
		}
		if err := b.urls.Delete([]byte(a.URL)); err != nil {
			return article.Article{}, 0, err
		}
	}
	if dedupable(a.Paragraphs) {
		if id := b.bodies.Get([]byte(body)); id != nil {
			rec, err := b.get(id)
			if err == nil {
				return rec.Article, Duplicate, b.addAlias(rec, a.URL)
			}
			if !errors.Is(err, ErrNotFound) {
				return article.Article{}, 0, err
			}
		}
	}
	rec := record{Article: a, BodyHash: body, FirstSeen: now, Stored: now}
	return a, New, b.write(rec)
}

// update rewrites rec with a's content, keeping when it was first seen.
func (b articleBuckets) update(rec record, a article.Article, body string, now time.Time) (article.Article, PutStatus, error) {
	if err := b.added.Delete(addedKey(rec.Stored, rec.ID)); err != nil {
		return article.Article{}, 0, err
	}
	if rec.BodyHash != body && string(b.bodies.Get([]byte(rec.BodyHash))) == rec.ID {
		if err := b.bodies.Delete([]byte(rec.BodyHash)); err != nil {
			return article.Article{}, 0, err
		}
	}
	if a.Published.IsZero() {
		a.Published = rec.Published
	}
	next := record{Article: a, BodyHash: body, FirstSeen: rec.FirstSeen, Stored: now, Aliases: rec.Aliases}
	return a, Updated, b.write(next)
}

// write stores rec and its URL, body and time index entries, and marks it
// for indexing.
func (b articleBuckets) write(rec record) error {
	id := []byte(rec.ID)
	if err := putRecord(b.articles, rec); err != nil {
		return err
	}
	if err := b.pending.Put(id, markOf(rec.Hash)); err != nil {
		return err
	}
	if err := b.urls.Put([]byte(rec.URL), id); err != nil {
		return err
	}
	if dedupable(rec.Paragraphs) && b.bodies.Get([]byte(rec.BodyHash)) == nil {
		if err := b.bodies.Put([]byte(rec.BodyHash), id); err != nil {
			return err
		}
	}
	return b.added.Put(addedKey(rec.Stored, rec.ID), []byte{})
}

func (b articleBuckets) addAlias(rec record, url string) error {
	rec.Aliases = append(rec.Aliases, url)
	if err := putRecord(b.articles, rec); err != nil {
		return err
	}
	return b.urls.Put([]byte(url), []byte(rec.ID))
}

func (b articleBuckets) dropAlias(rec record, url string) error {
	rec.Aliases = slices.DeleteFunc(rec.Aliases, func(s string) bool { return s == url })
	if err := putRecord(b.articles, rec); err != nil {
		return err
	}
	return b.urls.Delete([]byte(url))
}

// delete removes the record and every index entry that points at it.
func (b articleBuckets) delete(id []byte) error {
	rec, err := b.get(id)
	if err != nil {
		return err
	}
	for _, u := range append([]string{rec.URL}, rec.Aliases...) {
		if string(b.urls.Get([]byte(u))) == rec.ID {
			if err := b.urls.Delete([]byte(u)); err != nil {
				return err
			}
		}
	}
	if string(b.bodies.Get([]byte(rec.BodyHash))) == rec.ID {
		if err := b.bodies.Delete([]byte(rec.BodyHash)); err != nil {
			return err
		}
	}
	if err := b.added.Delete(addedKey(rec.Stored, rec.ID)); err != nil {
		return err
	}
	if err := b.pending.Put(id, markOf("")); err != nil {
		return err
	}
	return b.articles.Delete(id)
}
