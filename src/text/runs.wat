;; The text-runs reader of src/text/runs.ts (`runLinesJs`), the same steps in WebAssembly. Built
;; into runs-wasm.generated.ts by `node scripts/build-wasm.mjs` (wat2wasm, Debian package `wabt`);
;; test/unit/text-runs.test.ts checks that both readers give the old reader's bytes and that the
;; built module is current.
;;
;; Memory: bytes 0..255 hold each byte's class (what it can start); the chunk to read is at
;; [256, end) and ends with an LF or at the end of the blob.
;; runs(end, minRun, out, tab): writes each non-empty line's runs (joined by one space, no LF) from
;; `out` on, and per non-empty line one table entry at `tab`: its line number in the chunk (from 0)
;; and the end of its bytes, counted from `out`, with bit 31 set when a byte is above 0x7f. Returns
;; the number of entries; the global `lines` holds the number of lines (LF bytes, plus one for a
;; last line with runs).
(module
  (memory (export "memory") 1)
  (global $lines (export "lines") (mut i32) (i32.const 0))
  ;; 0 starts nothing (controls, DEL, UTF-8 continuation bytes, bytes UTF-8 never uses),
  ;; 1 printable (TAB, 0x20..0x7e), 2 NUL, 3 LF, 4 a UTF-8 lead byte (0xc2..0xf4).
  (data (i32.const 0)
    "\02\00\00\00\00\00\00\00\00\01\03\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01"
    "\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01"
    "\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04"
    "\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\00\00\00\00\00\00\00\00\00\00\00")

  ;; 1 for the bytes no run holds (controls, LF, DEL, bytes UTF-8 never uses): the reader visits each.
  (data (i32.const 256)
    "\00\01\01\01\01\01\01\01\01\00\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\01"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\01\01\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\01\01\01\01\01\01\01\01\01\01\01")

  ;; Characters of a UTF-16 LE run at p: pairs (printable, 0).
  (func $wideLE (param $p i32) (param $end i32) (result i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
        (br_if $done (i32.ne (i32.load8_u (i32.load8_u (local.get $p))) (i32.const 1)))
        (br_if $done (i32.load8_u offset=1 (local.get $p)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (local.get $k))

  ;; Characters of a UTF-16 BE run at p: pairs (0, printable).
  (func $wideBE (param $p i32) (param $end i32) (result i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
        (br_if $done (i32.load8_u (local.get $p)))
        (br_if $done (i32.ne (i32.load8_u (i32.load8_u offset=1 (local.get $p))) (i32.const 1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (local.get $k))

  ;; Length in bytes of the UTF-8 character at i (0 when it is not a valid multi-byte one).
  (func $utf8 (param $i i32) (param $end i32) (result i32)
    (local $c i32) (local $n i32) (local $k i32)
    (local.set $c (i32.load8_u (local.get $i)))
    (local.set $n
      (if (result i32) (i32.lt_u (local.get $c) (i32.const 0xc2))
        (then (i32.const 0))
        (else
          (if (result i32) (i32.le_u (local.get $c) (i32.const 0xdf))
            (then (i32.const 2))
            (else
              (if (result i32) (i32.le_u (local.get $c) (i32.const 0xef))
                (then (i32.const 3))
                (else
                  (if (result i32) (i32.le_u (local.get $c) (i32.const 0xf4))
                    (then (i32.const 4))
                    (else (i32.const 0))))))))))
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.add (local.get $i) (local.get $n)) (local.get $end)) (then (return (i32.const 0))))
    (local.set $k (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (if (i32.ne
              (i32.and (i32.load8_u (i32.add (local.get $i) (local.get $k))) (i32.const 0xc0))
              (i32.const 0x80))
          (then (return (i32.const 0))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; True when the reader visits position p whatever comes before it: a byte no run holds, or a NUL
  ;; with no printable byte next to it (no UTF-16 pair holds it).
  (func $sync (param $p i32) (param $end i32) (result i32)
    (if (i32.load8_u offset=256 (i32.load8_u (local.get $p))) (then (return (i32.const 1))))
    (if (i32.load8_u (local.get $p)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $p) (i32.const 66560))
      (then
        (if (i32.eq (i32.load8_u (i32.load8_u (i32.sub (local.get $p) (i32.const 1)))) (i32.const 1))
          (then (return (i32.const 0))))))
    (if (i32.lt_u (i32.add (local.get $p) (i32.const 1)) (local.get $end))
      (then
        (if (i32.eq (i32.load8_u (i32.load8_u offset=1 (local.get $p))) (i32.const 1))
          (then (return (i32.const 0))))))
    (i32.const 1))

  ;; Filter: two automata (tables written by runs.ts for minRun) follow the bytes; bit 6 of their
  ;; state says "look here": minRun 8-bit characters, or a UTF-16 pattern (printable, NUL) x
  ;; (minRun - 1), printable, end at this byte, or it is an LF. Marks those bytes in the bitmap at
  ;; `bits` (bit k of word w: byte 66560 + 64 w + k). The automata's steps are a chain of loads, so
  ;; the two halves of the chunk are followed at once (the second from 128 bytes before it: their
  ;; state depends on the last 63 bytes only, for minRun <= 15).
  (func $mark (param $end i32) (param $bits i32)
    (local $half i32) (local $a i32) (local $b i32) (local $p i32) (local $c i32)
    (local $s8a i32) (local $swa i32) (local $s8b i32) (local $swb i32)
    (local $acca i64) (local $accb i64) (local $bit i64)
    (local.set $half (i32.and (i32.shr_u (i32.sub (local.get $end) (i32.const 66560)) (i32.const 1)) (i32.const -64)))
    (local.set $a (i32.const 66560))
    (local.set $b (i32.add (i32.const 66560) (local.get $half)))
    (local.set $p
      (select (i32.sub (local.get $b) (i32.const 128)) (i32.const 66560) (i32.gt_u (local.get $half) (i32.const 128))))
    (block $warm
      (loop $next
        (br_if $warm (i32.ge_u (local.get $p) (local.get $b)))
        (local.set $c (i32.load8_u (local.get $p)))
        (local.set $s8b (i32.load8_u offset=1024 (i32.or (i32.shl (local.get $s8b) (i32.const 8)) (local.get $c))))
        (local.set $swb (i32.load8_u offset=33792 (i32.or (i32.shl (local.get $swb) (i32.const 8)) (local.get $c))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (block $halves
      (loop $word
        (br_if $halves (i32.ge_u (local.get $a) (i32.add (i32.const 66560) (local.get $half))))
        (local.set $acca (i64.const 0))
        (local.set $accb (i64.const 0))
        (local.set $bit (i64.const 0))
        (loop $byte
          (local.set $c (i32.load8_u (local.get $a)))
        (local.set $s8a (i32.load8_u offset=1024 (i32.or (i32.shl (local.get $s8a) (i32.const 8)) (local.get $c))))
        (local.set $swa (i32.load8_u offset=33792 (i32.or (i32.shl (local.get $swa) (i32.const 8)) (local.get $c))))
          (local.set $acca
          (i64.or (local.get $acca)
            (i64.shl
              (i64.extend_i32_u (i32.and (i32.shr_u (i32.or (local.get $s8a) (local.get $swa)) (i32.const 6)) (i32.const 1)))
              (local.get $bit))))
          (local.set $c (i32.load8_u (local.get $b)))
        (local.set $s8b (i32.load8_u offset=1024 (i32.or (i32.shl (local.get $s8b) (i32.const 8)) (local.get $c))))
        (local.set $swb (i32.load8_u offset=33792 (i32.or (i32.shl (local.get $swb) (i32.const 8)) (local.get $c))))
          (local.set $accb
          (i64.or (local.get $accb)
            (i64.shl
              (i64.extend_i32_u (i32.and (i32.shr_u (i32.or (local.get $s8b) (local.get $swb)) (i32.const 6)) (i32.const 1)))
              (local.get $bit))))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (local.set $b (i32.add (local.get $b) (i32.const 1)))
          (local.set $bit (i64.add (local.get $bit) (i64.const 1)))
          (br_if $byte (i64.lt_u (local.get $bit) (i64.const 64))))
        (i64.store (i32.add (local.get $bits) (i32.shl (i32.shr_u (i32.sub (local.get $a) (i32.const 66624)) (i32.const 6)) (i32.const 3)))
          (local.get $acca))
        (i64.store (i32.add (local.get $bits) (i32.shl (i32.shr_u (i32.sub (local.get $b) (i32.const 66624)) (i32.const 6)) (i32.const 3)))
          (local.get $accb))
        (br $word)))
    ;; The rest of the second half, alone.
    (local.set $accb (i64.const 0))
    (local.set $bit (i64.const 0))
    (block $tail
      (loop $byte
        (br_if $tail (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $b)))
        (local.set $s8b (i32.load8_u offset=1024 (i32.or (i32.shl (local.get $s8b) (i32.const 8)) (local.get $c))))
        (local.set $swb (i32.load8_u offset=33792 (i32.or (i32.shl (local.get $swb) (i32.const 8)) (local.get $c))))
        (local.set $accb
          (i64.or (local.get $accb)
            (i64.shl
              (i64.extend_i32_u (i32.and (i32.shr_u (i32.or (local.get $s8b) (local.get $swb)) (i32.const 6)) (i32.const 1)))
              (local.get $bit))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $bit (i64.add (local.get $bit) (i64.const 1)))
        (if (i64.eq (local.get $bit) (i64.const 64))
          (then
            (i64.store (i32.add (local.get $bits) (i32.shl (i32.shr_u (i32.sub (local.get $b) (i32.const 66561)) (i32.const 6)) (i32.const 3)))
              (local.get $accb))
            (local.set $accb (i64.const 0))
            (local.set $bit (i64.const 0))))
        (br $byte)))
    (if (i64.ne (local.get $bit) (i64.const 0))
      (then
        (i64.store (i32.add (local.get $bits) (i32.shl (i32.shr_u (i32.sub (local.get $b) (i32.const 66561)) (i32.const 6)) (i32.const 3)))
          (local.get $accb)))))

  (func (export "runs") (param $end i32) (param $minRun i32) (param $out i32) (param $bits i32) (param $tab i32) (result i32)
    (local $i i32) (local $c i32) (local $w i32) (local $j i32) (local $s i32) (local $m i32)
    (local $chars i32) (local $hi i32) (local $gap i32) (local $o i32) (local $lineStart i32)
    (local $high i32) (local $line i32) (local $ent i32) (local $p i32)
    (local $k i32) (local $stop i32) (local $resume i32) (local $h i32) (local $base i32)
    (local $wi i32) (local $nw i32) (local $word i64)
    (call $mark (local.get $end) (local.get $bits))
    (local.set $stop (i32.const 66560))
    (local.set $resume (i32.const 66560))
    (local.set $o (local.get $out))
    (local.set $lineStart (local.get $out))
    (local.set $nw (i32.shr_u (i32.sub (i32.add (local.get $end) (i32.const 63)) (i32.const 66560)) (i32.const 6)))
    (block $exit
      ;; The marked bytes in order; those before `resume` were read already.
      (loop $words
        (br_if $exit (i32.ge_u (local.get $wi) (local.get $nw)))
        (local.set $base (i32.add (i32.const 66560) (i32.shl (local.get $wi) (i32.const 6))))
        (local.set $word (i64.load (i32.add (local.get $bits) (i32.shl (local.get $wi) (i32.const 3)))))
        (local.set $wi (i32.add (local.get $wi) (i32.const 1)))
        (br_if $words (i64.eqz (local.get $word)))
        (br_if $words (i32.le_u (i32.add (local.get $base) (i32.const 64)) (local.get $resume)))
        (if (i32.gt_u (local.get $resume) (local.get $base))
          (then
            (local.set $word
              (i64.and (local.get $word)
                (i64.shl (i64.const -1) (i64.extend_i32_u (i32.sub (local.get $resume) (local.get $base))))))))
        (loop $event
        (br_if $words (i64.eqz (local.get $word)))
        (local.set $h (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (local.get $word)))))
        (local.set $word (i64.and (local.get $word) (i64.sub (local.get $word) (i64.const 1))))
        (br_if $event (i32.lt_u (local.get $h) (local.get $resume)))
        ;; An LF: the line ends (an entry when it has runs).
        (if (i32.eq (i32.load8_u (local.get $h)) (i32.const 0x0a))
          (then
            (if (i32.gt_u (local.get $o) (local.get $lineStart))
              (then
                (i32.store (local.get $tab) (local.get $line))
                (i32.store offset=4 (local.get $tab)
                  (i32.or (i32.sub (local.get $o) (local.get $out)) (i32.shl (local.get $high) (i32.const 31))))
                (local.set $tab (i32.add (local.get $tab) (i32.const 8)))
                (local.set $ent (i32.add (local.get $ent) (i32.const 1)))))
            (local.set $line (i32.add (local.get $line) (i32.const 1)))
            (local.set $lineStart (local.get $o))
            (local.set $high (i32.const 0))
            (local.set $stop (i32.add (local.get $h) (i32.const 1)))
            (local.set $resume (local.get $stop))
            (br $event)))
        ;; A run may end here: read exactly from the last position the reader is known to visit.
        (local.set $k (local.get $h))
        (local.set $i (local.get $h))
        (block $found
          (loop $back
            (br_if $found (i32.le_u (local.get $i) (local.get $stop)))
            (local.set $c (i32.load8_u (i32.sub (local.get $i) (i32.const 1))))
            (br_if $found (i32.load8_u offset=256 (local.get $c)))
            (if (i32.eqz (local.get $c))
              (then (br_if $found (call $sync (i32.sub (local.get $i) (i32.const 1)) (local.get $end)))))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $back)))
        (local.set $gap (i32.const 1))
        (block $filterAgain
      (loop $main
        (br_if $exit (i32.ge_u (local.get $i) (local.get $end)))
        (block $eight
          (block $lead
            (block $lf
              (block $nul
                (block $prt
                  (block $dead
                    (br_table $dead $prt $nul $lf $lead $dead
                      (i32.load8_u (i32.load8_u (local.get $i)))))
                  ;; Starts nothing: past the candidate, back to the marks.
                  (br_if $filterAgain (i32.gt_u (local.get $i) (local.get $k)))
                  (local.set $gap (i32.const 1))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $main))
                ;; A printable byte followed by NUL: UTF-16 LE, or a one-character 8-bit run.
                (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $end))
                  (then
                    (if (i32.eqz (i32.load8_u offset=1 (local.get $i)))
                      (then
                        (local.set $w (call $wideLE (local.get $i) (local.get $end)))
                        (if (i32.ge_u (local.get $w) (local.get $minRun))
                          (then
                            (if (i32.and (local.get $gap) (i32.gt_u (local.get $o) (local.get $lineStart)))
                              (then
                                (i32.store8 (local.get $o) (i32.const 0x20))
                                (local.set $o (i32.add (local.get $o) (i32.const 1)))))
                            (local.set $p (local.get $i))
                            (local.set $i (i32.add (local.get $i) (i32.shl (local.get $w) (i32.const 1))))
                            (block $copied
                              (loop $copy
                                (br_if $copied (i32.ge_u (local.get $p) (local.get $i)))
                                (i32.store8 (local.get $o) (i32.load8_u (local.get $p)))
                                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                                (local.set $p (i32.add (local.get $p) (i32.const 2)))
                                (br $copy)))
                            (local.set $gap (i32.const 1))
                            (br $main)))))))
                (br $eight))
              ;; NUL: UTF-16 BE when a printable byte follows.
              (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $end))
                (then
                  (if (i32.eq (i32.load8_u (i32.load8_u offset=1 (local.get $i))) (i32.const 1))
                    (then
                      (local.set $w (call $wideBE (local.get $i) (local.get $end)))
                      ;; UTF-16 LE text after a NUL also reads as BE one byte early: LE wins when it keeps every character.
                      (if (i32.ge_u
                            (call $wideLE (i32.add (local.get $i) (i32.const 1)) (local.get $end))
                            (select (local.get $w) (local.get $minRun) (i32.gt_u (local.get $w) (local.get $minRun))))
                        (then
                          (local.set $gap (i32.const 1))
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br $main)))
                      (if (i32.ge_u (local.get $w) (local.get $minRun))
                        (then
                          (if (i32.and (local.get $gap) (i32.gt_u (local.get $o) (local.get $lineStart)))
                            (then
                              (i32.store8 (local.get $o) (i32.const 0x20))
                              (local.set $o (i32.add (local.get $o) (i32.const 1)))))
                          (local.set $p (i32.add (local.get $i) (i32.const 1)))
                          (local.set $i (i32.add (local.get $i) (i32.shl (local.get $w) (i32.const 1))))
                          (block $copied
                            (loop $copy
                              (br_if $copied (i32.ge_u (local.get $p) (local.get $i)))
                              (i32.store8 (local.get $o) (i32.load8_u (local.get $p)))
                              (local.set $o (i32.add (local.get $o) (i32.const 1)))
                              (local.set $p (i32.add (local.get $p) (i32.const 2)))
                              (br $copy)))
                          (local.set $gap (i32.const 1))
                          (br $main)))))))
              (local.set $gap (i32.const 1))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $main))
            ;; LF (never before the candidate: no run spans one): back to the marks (it is one).
            (br $filterAgain)))
        ;; An 8-bit run: printable ASCII and whole UTF-8 characters; it stops where a 16-bit run starts.
        (local.set $j (local.get $i))
        (local.set $chars (i32.const 0))
        (local.set $hi (i32.const 0))
        (block $stop
          (loop $more
            (local.set $s (local.get $j))
            (block $ascii
              (loop $prt
                (br_if $ascii (i32.ge_u (local.get $j) (local.get $end)))
                (br_if $ascii (i32.ne (i32.load8_u (i32.load8_u (local.get $j))) (i32.const 1)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $prt)))
            (if (i32.gt_u (local.get $j) (local.get $s))
              (then
                (local.set $chars (i32.add (local.get $chars) (i32.sub (local.get $j) (local.get $s))))
                ;; Only the last printable byte of a stretch can be followed by a NUL.
                (if (i32.lt_u (local.get $j) (local.get $end))
                  (then
                    (if (i32.eqz (i32.load8_u (local.get $j)))
                      (then
                        (if (i32.gt_u (i32.sub (local.get $j) (i32.const 1)) (local.get $i))
                          (then
                            (if (i32.ge_u
                                  (call $wideLE (i32.sub (local.get $j) (i32.const 1)) (local.get $end))
                                  (local.get $minRun))
                              (then
                                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                                (local.set $chars (i32.sub (local.get $chars) (i32.const 1)))
                                (br $stop)))))))))))
            (br_if $stop (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $m (call $utf8 (local.get $j) (local.get $end)))
            (br_if $stop (i32.eqz (local.get $m)))
            (local.set $j (i32.add (local.get $j) (local.get $m)))
            (local.set $chars (i32.add (local.get $chars) (i32.const 1)))
            (local.set $hi (i32.const 1))
            (br $more)))
        (if (i32.eq (local.get $j) (local.get $i))
          (then
            (local.set $gap (i32.const 1))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $main)))
        (if (i32.lt_u (local.get $chars) (local.get $minRun))
          (then
            (local.set $gap (i32.const 1))
            (local.set $i (local.get $j))
            (br $main)))
        (if (i32.and (local.get $gap) (i32.gt_u (local.get $o) (local.get $lineStart)))
          (then
            (i32.store8 (local.get $o) (i32.const 0x20))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))))
        (memory.copy (local.get $o) (local.get $i) (i32.sub (local.get $j) (local.get $i)))
        (local.set $o (i32.add (local.get $o) (i32.sub (local.get $j) (local.get $i))))
        (local.set $high (i32.or (local.get $high) (local.get $hi)))
        ;; A run that ends where a 16-bit run starts is joined to it without a space.
        (local.set $gap (i32.const 0))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $c (i32.load8_u (local.get $j)))
            (if (i32.ne (local.get $c) (i32.const 0x0a))
              (then
                (local.set $gap (i32.const 1))
                (if (i32.eq (i32.load8_u (local.get $c)) (i32.const 1))
                  (then
                    (if (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $end))
                      (then
                        (if (i32.eqz (i32.load8_u offset=1 (local.get $j)))
                          (then (local.set $gap (i32.const 0))))))))))))
        (local.set $i (local.get $j))
        (br $main)))
        ;; The reader stopped at i, a position it visits: the marks go on from there.
        (local.set $stop (i32.add (local.get $i) (i32.const 1)))
        (local.set $resume (local.get $i))
        (br $event))))
    (if (i32.gt_u (local.get $o) (local.get $lineStart))
      (then
        (i32.store (local.get $tab) (local.get $line))
        (i32.store offset=4 (local.get $tab)
          (i32.or (i32.sub (local.get $o) (local.get $out)) (i32.shl (local.get $high) (i32.const 31))))
        (local.set $ent (i32.add (local.get $ent) (i32.const 1)))
        (local.set $line (i32.add (local.get $line) (i32.const 1)))))
    (global.set $lines (local.get $line))
    (local.get $ent))
)
