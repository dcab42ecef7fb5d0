/**
 * The tamper-evident log: each {@link vn.lienthong.trust.chain.ChainRecord} carries the hash of the one before
 * (SHA-256 over the canonical JSON of its sequence, fields and previous hash: {@link vn.lienthong.trust.chain.HashChain});
 * {@link vn.lienthong.trust.chain.ChainWriter} appends; {@link vn.lienthong.trust.chain.ChainVerifier} walks any
 * {@code Iterable}, {@code Stream} or row-by-row feed and names the first broken record; a
 * {@link vn.lienthong.trust.chain.ChainHead} (latest sequence, hash, time) is signed by the gateway as CMS
 * ({@link vn.lienthong.trust.chain.ChainHeadSigner}, verifiable with openssl like the evidence) and pins the log
 * against a rewritten or cut end.
 *
 * <p>Storage is the caller's (the gateway's database): this package has no database access.
 */
package vn.lienthong.trust.chain;
