;; The line-bits automaton of src/detect/line-bits.ts (`lineBitsJs`), the same steps in WebAssembly,
;; over two runs of whole lines at once (two independent chains of table reads: twice the bytes per
;; cycle of one). Built into line-bits-wasm.generated.ts by `node scripts/build-wasm.mjs` (wat2wasm,
;; Debian package `wabt`); test/unit/line-bits.test.ts checks that both give the same bits and that
;; the built module is current.
;;
;; Memory (written by line-bits.ts): bytes 0..255 hold each byte's class; the transition table
;; starts at `tab` (one i32 per state and class, the target's row offset in bytes from `tab`, ~it
;; when the target has bits); the bits of the state whose row starts at table offset o are the
;; byte at `bits` + o / 4. A target whose bits hold 0x40 is the line break: the line's byte
;; pointer moves on to the next line's.
;; lines(p, pe, q, qe, tab, bits, op, oq): reads [p, pe) and [q, qe), each from state 0, ORing the
;; bits of each event's target (0x40 aside) into the byte of the line it is in (from op and oq).
(module
  (memory (export "memory") 1)

  ;; One event of a stream: the target row offset (already complemented back) and its line pointer;
  ;; returns the line pointer after it.
  (func $event (param $s i32) (param $bits i32) (param $o i32) (result i32)
    (local $b i32)
    (local.set $b (i32.load8_u (i32.add (local.get $bits) (i32.shr_u (local.get $s) (i32.const 2)))))
    (if (result i32) (i32.and (local.get $b) (i32.const 0x40))
      (then (i32.add (local.get $o) (i32.const 1)))
      (else
        (i32.store8 (local.get $o) (i32.or (i32.load8_u (local.get $o)) (local.get $b)))
        (local.get $o))))

  (func (export "lines") (param $p i32) (param $pe i32) (param $q i32) (param $qe i32)
    (param $tab i32) (param $bits i32) (param $op i32) (param $oq i32)
    (local $s i32) (local $t i32)
    ;; Both streams, a byte of each per step, while both have bytes.
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $pe)))
        (br_if $done (i32.ge_u (local.get $q) (local.get $qe)))
        (local.set $s (i32.load (i32.add (local.get $tab)
          (i32.add (local.get $s) (i32.shl (i32.load8_u (i32.load8_u (local.get $p))) (i32.const 2))))))
        (local.set $t (i32.load (i32.add (local.get $tab)
          (i32.add (local.get $t) (i32.shl (i32.load8_u (i32.load8_u (local.get $q))) (i32.const 2))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br_if $next (i32.ge_s (i32.or (local.get $s) (local.get $t)) (i32.const 0)))
        (if (i32.lt_s (local.get $s) (i32.const 0))
          (then
            (local.set $s (i32.xor (local.get $s) (i32.const -1)))
            (local.set $op (call $event (local.get $s) (local.get $bits) (local.get $op)))))
        (if (i32.lt_s (local.get $t) (i32.const 0))
          (then
            (local.set $t (i32.xor (local.get $t) (i32.const -1)))
            (local.set $oq (call $event (local.get $t) (local.get $bits) (local.get $oq)))))
        (br $next)))
    ;; The rest of the longer stream, from where it stopped (its state carried over).
    (call $rest (local.get $p) (local.get $pe) (local.get $s) (local.get $tab) (local.get $bits) (local.get $op))
    (call $rest (local.get $q) (local.get $qe) (local.get $t) (local.get $tab) (local.get $bits) (local.get $oq)))

  ;; One stream alone over [p, pe), from state s and line pointer o.
  (func $rest (param $p i32) (param $pe i32) (param $s i32) (param $tab i32) (param $bits i32) (param $o i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $pe)))
        (local.set $s (i32.load (i32.add (local.get $tab)
          (i32.add (local.get $s) (i32.shl (i32.load8_u (i32.load8_u (local.get $p))) (i32.const 2))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $next (i32.ge_s (local.get $s) (i32.const 0)))
        (local.set $s (i32.xor (local.get $s) (i32.const -1)))
        (local.set $o (call $event (local.get $s) (local.get $bits) (local.get $o)))
        (br $next))))
)
