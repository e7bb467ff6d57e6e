package passage

// Version names how articles are cut into passages. Bump it with every
// change to what Split returns: the index schema is derived from it, so an
// index cut another way is rebuilt at start-up. TestVersion fails when
// Split's output over a fixed corpus changes while Version does not.
const Version = "2"
