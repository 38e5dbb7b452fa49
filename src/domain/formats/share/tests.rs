use super::base64::*;
use super::bytes::*;
use super::content::*;
use super::crc32::*;
use super::tables::*;
use super::*;
use crate::domain::model::answer::{Answer, Observation};
use crate::domain::model::assessment::{Assessment, PilotIteration};
use crate::domain::model::example::raccoons_inc;
use crate::domain::model::items::{
    all_questions, item, Completion, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS,
    MATURITY_REQUIREMENTS, MODEL_VERSION, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};
use crate::domain::model::respondent::RespondentToken;

const TODAY: &str = "2026-11-24";

fn options(notes: bool) -> ShareOptions {
    ShareOptions {
        notes,
        made_on: TODAY.to_string(),
    }
}

/// A payload with any version byte and content, with a good length and checksum (and, for
/// formats 1 to 3, the padding byte and flag when the length needs them).
fn seal(version: u8, mut content: Vec<u8>) -> String {
    if frame(content.len()).0 {
        if (1..=3).contains(&version) && content.len() > 2 {
            content[2] |= FLAG_PADDED;
        }
        content.push(0);
    }
    seal_as_is(version, content)
}

/// A payload with this content exactly; its length must not be a multiple of 3.
fn seal_as_is(version: u8, content: Vec<u8>) -> String {
    let mut bytes = vec![version];
    put_count(&mut bytes, content.len() + 4);
    bytes.extend_from_slice(&content);
    seal_share_bytes(&bytes)
}

/// Format-1 content for a blank assessment with these flags and this text block.
fn content(flags: u8, tail: &[u8]) -> Vec<u8> {
    let mut c = vec![1, 0, flags, 0];
    put_structure(&mut c, &Assessment::default(), flags & FLAG_NOTES != 0);
    c.extend_from_slice(tail);
    c
}

#[test]
fn the_frozen_tables_are_the_ids_of_model_1_0() {
    const HOW: &str = "the share-link tables of format 1 are frozen for model 1.0: a new model version needs new tables (and a new header value), keeping these to read old links";
    assert_eq!(MODEL_VERSION, "1.0", "{HOW}");
    let questions: Vec<&str> = all_questions().map(|q| q.id).collect();
    assert_eq!(QUESTIONS.as_slice(), questions, "{HOW}");
    let tickable: Vec<&str> = DEPLOYMENT_STEPS
        .iter()
        .flat_map(|s| s.checklist)
        .filter(|c| c.completion == Completion::Ticked)
        .map(|c| c.id)
        .collect();
    assert_eq!(TICKABLE_CHECKLIST.as_slice(), tickable, "{HOW}");
    let gate: Vec<&str> = GATE_CRITERIA.iter().map(|c| c.id).collect();
    assert_eq!(GATE.as_slice(), gate, "{HOW}");
    let steps: Vec<&str> = DEPLOYMENT_STEPS.iter().map(|s| s.id).collect();
    assert_eq!(STEPS.as_slice(), steps, "{HOW}");
    let signs: Vec<&str> = STABILITY_SIGNS.iter().map(|s| s.id).collect();
    assert_eq!(SIGNS.as_slice(), signs, "{HOW}");

    let mut items: Vec<&str> = PRECONDITIONS.iter().map(|p| p.id).collect();
    items.extend(MATURITY_REQUIREMENTS.iter().map(|m| m.id));
    items.extend(RED_FLAGS.iter().map(|f| f.id));
    items.extend(GREEN_FLAGS.iter().map(|g| g.id));
    items.extend(steps);
    items.extend(
        DEPLOYMENT_STEPS
            .iter()
            .flat_map(|s| s.checklist)
            .map(|c| c.id),
    );
    items.extend(signs);
    for q in questions {
        if !items.contains(&q) {
            items.push(q);
        }
    }
    assert_eq!(NOTE_ITEMS.as_slice(), items, "{HOW}");
    assert!(NOTE_ITEMS.iter().all(|id| item(id).is_some()));
}

#[test]
fn crc32_is_the_ieee_one() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn a_sealed_payload_reads_back_as_its_bytes_and_their_checksum() {
    let payload = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
    let bytes = share_payload_bytes(&payload).unwrap();
    let (body, crc) = bytes.split_at(bytes.len() - 4);
    assert_eq!(crc, crc32(body).to_be_bytes());
    assert_eq!(seal_share_bytes(body), payload);
    assert_eq!(seal_share_bytes(b"123456789"), "MTIzNDU2Nzg5y_Q5Jg");
    assert_eq!(share_payload_bytes("#/s/"), None);
    assert_eq!(share_payload_bytes("QR"), None);
}

#[test]
fn base64url_is_canonical() {
    for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\xfe\xfd\xfc"] {
        let text = base64_encode(bytes);
        assert_eq!(text.len(), base64_len(bytes.len()));
        assert_eq!(base64_decode(text.as_bytes()).as_deref(), Some(bytes));
    }
    assert_eq!(base64_encode(b"\xfb\xff"), "-_8");
    // The unused bits of the last character must be zero.
    assert_eq!(base64_decode(b"QQ"), Some(vec![0x41]));
    assert_eq!(base64_decode(b"QR"), None);
    assert_eq!(base64_decode(b"QUE"), Some(vec![0x41, 0x41]));
    assert_eq!(base64_decode(b"QUF"), None);
    assert_eq!(base64_decode(b"QUFBQ"), None);
    assert_eq!(base64_prefix(b"QUFB"), b"AAA");
    assert_eq!(base64_prefix(b"QUF"), b"AA");
}

#[test]
fn dates_are_day_numbers_from_2000_to_9999() {
    assert_eq!(day_number("2000-01-01"), Some(0));
    assert_eq!(day_number("2026-11-24"), Some(9824));
    assert_eq!(day_number("9999-12-31"), Some(LAST_DAY));
    assert_eq!(day_number("2024-02-29"), Some(8825));
    for not_a_day in [
        "1999-12-31",
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-1-01",
        "2026-01-01 ",
        "2026/01/01",
        "２０２６-01-01",
        "",
    ] {
        assert_eq!(day_number(not_a_day), None, "{not_a_day}");
    }
    for day in (0..=LAST_DAY).step_by(997).chain([LAST_DAY]) {
        let date = civil_from_days(day + DAY_2000);
        assert_eq!(day_number(&date), Some(day), "{date}");
    }
    let mut out = Vec::new();
    for date in ["", "2026-11-24", "last Tuesday", "1999-12-31"] {
        put_date(&mut out, date);
    }
    let mut r = Reader::new(&out);
    for date in ["", "2026-11-24", "last Tuesday", "1999-12-31"] {
        assert_eq!(r.date().as_deref(), Ok(date));
    }
}

#[test]
fn varints_are_canonical_and_at_most_4_bytes() {
    for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, (1 << 28) - 1] {
        let mut out = Vec::new();
        put_varint(&mut out, v);
        assert_eq!(out.len(), varint_len(v as usize));
        assert_eq!(Reader::new(&out).varint(), Ok(v));
    }
    for bad in [&[0x80, 0x00][..], &[0xFF, 0xFF, 0xFF, 0xFF, 0x01], &[0x80]] {
        assert_eq!(Reader::new(bad).varint(), Err(ShareError::Damaged));
    }
}

#[test]
fn the_payload_never_has_a_length_that_is_a_multiple_of_3() {
    for n in 0..2000 {
        let (padded, total) = frame(n);
        assert!(!total.is_multiple_of(3));
        assert_eq!(
            total,
            1 + varint_len(n + usize::from(padded) + 4) + n + usize::from(padded) + 4
        );
    }
}

#[test]
fn every_error_says_which_case_and_that_nothing_changed() {
    let cases = [
        (ShareError::Empty, "This share link is empty: it carries no assessment. Nothing was loaded or changed."),
        (ShareError::NotAShareLink, "This is not a KOOM Readiness share link: it contains characters a share link never has (a share link has only letters, digits, “-” and “_”). Nothing was loaded or changed."),
        (ShareError::Truncated, "This share link is incomplete: it is shorter than it says, probably cut off when it was copied or sent. Ask for the whole link again. Nothing was loaded or changed."),
        (ShareError::Altered, "This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again. Nothing was loaded or changed."),
        (ShareError::NewerFormat { version: 4 }, "This share link was made by a newer version of KOOM Readiness (link format 4; this version reads formats up to 3). Update the app to open it. Nothing was loaded or changed."),
        (ShareError::UnknownModel { model_version: "2.1".into() }, "This share link answers KOOM Deployment Readiness Layer v2.1; this app implements v1.0, so it cannot read its answers. Nothing was loaded or changed."),
        (ShareError::Damaged, "This share link is damaged: its checksum is right but its content is not a valid assessment (was it made by another tool?). Nothing was loaded or changed."),
        (ShareError::NotInflatable, "The names and notes in this share link are compressed and could not be unpacked. Nothing was loaded or changed."),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn an_empty_payload_is_empty() {
    assert_eq!(decode_share(""), Err(ShareError::Empty));
}

#[test]
fn characters_outside_the_alphabet_are_not_a_share_link() {
    let good = encode_share(&Assessment::new("Acme", ""), options(false), None);
    for bad in [
        "#/s/",
        "hello world",
        "abc%20",
        "a/b",
        "a.b",
        "a=b",
        "é",
        "AAAA?x",
        " AAAA",
    ] {
        assert_eq!(decode_share(bad), Err(ShareError::NotAShareLink), "{bad}");
    }
    assert_eq!(
        decode_share(&format!("#/s/{good}")),
        Err(ShareError::NotAShareLink)
    );
    assert_eq!(
        decode_share(&format!("{good}\n")),
        Err(ShareError::NotAShareLink)
    );
}

#[test]
fn a_cut_payload_is_truncated_and_a_longer_one_altered() {
    let good = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
    for k in 1..good.len() {
        assert_eq!(decode_share(&good[..k]), Err(ShareError::Truncated), "{k}");
    }
    assert_eq!(decode_share(&format!("{good}A")), Err(ShareError::Altered));
    assert_eq!(
        decode_share(&format!("{good}{good}")),
        Err(ShareError::Altered)
    );
}

#[test]
fn a_changed_character_is_altered() {
    let good = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
    let mut changed = good.clone().into_bytes();
    let middle = changed.len() / 2;
    changed[middle] = if changed[middle] == b'x' { b'y' } else { b'x' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(decode_share(&changed), Err(ShareError::Altered));
}

#[test]
fn a_newer_format_is_refused_by_name() {
    let payload = seal(4, vec![7; 40]);
    assert_eq!(
        decode_share(&payload),
        Err(ShareError::NewerFormat { version: 4 })
    );
    assert_eq!(
        decode_share(&seal(255, Vec::new())),
        Err(ShareError::NewerFormat { version: 255 })
    );
    assert_eq!(
        decode_share(&seal(0, content(0, &[0; 4]))),
        Err(ShareError::Damaged)
    );
}

#[test]
fn another_model_version_is_named() {
    let mut c = content(0, &[0; 4]);
    c[0] = 2;
    c[1] = 1;
    assert_eq!(
        decode_share(&seal(1, c)),
        Err(ShareError::UnknownModel {
            model_version: "2.1".into()
        })
    );
    let mut c = vec![];
    put_varint(&mut c, 1);
    put_varint(&mut c, 300);
    c.push(0);
    assert_eq!(
        decode_share(&seal_as_is(1, c)),
        Err(ShareError::UnknownModel {
            model_version: "1.300".into()
        })
    );
}

#[test]
fn a_well_sealed_but_invalid_content_is_damaged() {
    // The blank assessment, as sealed by `seal`, opens: the cases below differ from it in one way.
    let blank = decode_share(&seal(1, content(0, &[0; 4])))
        .and_then(|e| e.finish(None))
        .map(|s| s.assessment);
    assert_eq!(blank, Ok(Assessment::default()));

    let unknown_flag = content(0b1000, &[0; 4]);
    let missing_text = content(0, &[0; 3]);
    let extra_text = content(0, &[0; 5]);
    let not_utf8 = content(0, &[2, 0xC3, 0x28, 0, 0, 0]);
    // A cycle's 20 bits of signs take 3 bytes; the last 4 bits are unused.
    let mut unused_bits = vec![1, 0, 0, 0];
    let mut one_cycle = Assessment::default();
    one_cycle.add_cycle();
    put_structure(&mut unused_bits, &one_cycle, false);
    assert_eq!(unused_bits.len(), 4 + 12 + 1 + 1 + 3);
    unused_bits[20] = 0x10;
    unused_bits.extend_from_slice(&[0; 4]);
    // A flagged padding byte the length did not need, and a needed one not flagged.
    let (mut needless_pad, mut unflagged_pad) = (content(0, &[0; 4]), content(0, &[0; 4]));
    while frame(needless_pad.len()).0 || frame(needless_pad.len() + 1).1.is_multiple_of(3) {
        needless_pad.push(0);
        needless_pad.insert(4, 0); // one more empty text
    }
    needless_pad[2] |= FLAG_PADDED;
    needless_pad.push(0);
    while !frame(unflagged_pad.len()).0 {
        unflagged_pad.push(0);
        unflagged_pad.insert(4, 0);
    }
    unflagged_pad.push(0);
    let bad_pads = [needless_pad, unflagged_pad].map(|c| {
        let mut bytes = vec![1];
        put_count(&mut bytes, c.len() + 4);
        assert!(!(bytes.len() + c.len() + 4).is_multiple_of(3));
        seal_as_is(1, c)
    });
    let deflated_without_text = content(FLAG_DEFLATED, &[5]);
    let mut too_far_a_date = vec![1, 0, 0];
    put_varint(&mut too_far_a_date, (LAST_DAY + 3) as u32);
    put_structure(&mut too_far_a_date, &Assessment::default(), false);
    too_far_a_date.extend_from_slice(&[0; 4]);
    let mut text_date_that_is_a_day = vec![1, 0, 0, 1];
    put_text(&mut text_date_that_is_a_day, TODAY);
    put_structure(&mut text_date_that_is_a_day, &Assessment::default(), false);
    text_date_that_is_a_day.extend_from_slice(&[0; 4]);
    for (name, c) in [
        ("unknown flag", unknown_flag),
        ("missing text", missing_text),
        ("extra text", extra_text),
        ("not UTF-8", not_utf8),
        ("unused bits set", unused_bits),
        ("deflated without text", deflated_without_text),
        ("date past 9999", too_far_a_date),
        ("a day written as text", text_date_that_is_a_day),
        ("nothing", vec![]),
    ] {
        let result = decode_share(&seal(1, c)).and_then(|e| e.finish(None));
        assert_eq!(result, Err(ShareError::Damaged), "{name}");
    }
    for payload in bad_pads {
        let result = decode_share(&payload).and_then(|e| e.finish(None));
        assert_eq!(result, Err(ShareError::Damaged), "{payload}");
    }
}

#[test]
fn text_that_cannot_be_inflated_is_reported() {
    let mut a = Assessment::new("Acme", "");
    a.pilot.evaluation = "the pilot went well; ".repeat(20);
    let deflate = |b: &[u8]| miniz_oxide::deflate::compress_to_vec(b, 6);
    let payload = encode_share(&a, options(false), Some(&deflate));
    let envelope = decode_share(&payload).unwrap();
    assert!(envelope.needs_inflate());
    let raw = share_text_block(&a, &options(false));
    assert_eq!(envelope.inflated_len(), Some(raw.len()));
    assert_eq!(
        envelope.clone().finish(None),
        Err(ShareError::NotInflatable)
    );
    assert_eq!(
        envelope.clone().finish(Some(raw[1..].to_vec())),
        Err(ShareError::NotInflatable)
    );
    let inflated = miniz_oxide::inflate::decompress_to_vec(envelope.text_block()).unwrap();
    assert_eq!(inflated, raw);
    assert_eq!(envelope.finish(Some(inflated)).unwrap().assessment, a);
}

#[test]
fn deflate_is_used_only_when_it_makes_the_link_shorter() {
    let a = Assessment::new("Acme", "");
    let grow = |b: &[u8]| [b, b].concat();
    let payload = encode_share(&a, options(false), Some(&grow));
    assert_eq!(payload, encode_share(&a, options(false), None));
    assert!(!decode_share(&payload).unwrap().needs_inflate());
}

#[test]
fn ids_outside_the_frozen_tables_are_dropped() {
    let mut a = Assessment::new("Acme", "");
    a.set_answer("precondition.executives.telepathy", Some(Answer::No));
    a.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    a.checklist.insert("step.pilot.department_chosen".into());
    a.checklist.insert("step.coe.support_training".into());
    a.set_note("nowhere", "lost");
    a.set_note(
        "step.pilot.department_chosen",
        "kept: a note may name any item",
    );
    a.set_unclear("nowhere", Some("lost"));
    a.pilot_iterations.push(PilotIteration {
        failed_criteria: vec!["step.full_deployment.drift_decreased".into(), "x".into()],
        retrain: vec!["y".into(), "step.pilot".into()],
        ..PilotIteration::default()
    });
    a.add_cycle();
    a.set_observation(0, "stability.happiness", Some(Observation::Seen));
    a.set_observation_note(0, "stability.happiness", "lost");
    a.model_version = "0.9".into();

    let shared = decode_share(&encode_share(&a, options(true), None))
        .and_then(|e| e.finish(None))
        .unwrap();
    let mut expected = Assessment::new("Acme", "");
    expected.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    expected
        .checklist
        .insert("step.coe.support_training".into());
    expected.set_note(
        "step.pilot.department_chosen",
        "kept: a note may name any item",
    );
    expected.pilot_iterations.push(PilotIteration {
        failed_criteria: vec!["step.full_deployment.drift_decreased".into()],
        retrain: vec!["step.pilot".into()],
        ..PilotIteration::default()
    });
    expected.add_cycle();
    assert_eq!(shared.assessment, expected);
    assert_eq!(shared.model_version, "1.0");
}

#[test]
fn the_envelope_reports_what_the_link_says() {
    let shared = decode_share(&encode_share(&Assessment::default(), options(true), None))
        .and_then(|e| e.finish(None))
        .unwrap();
    assert_eq!(
        shared,
        SharedAssessment {
            assessment: Assessment::default(),
            made_on: TODAY.into(),
            includes_notes: true,
            format_version: 1,
            model_version: "1.0".into(),
        }
    );
    let undated = ShareOptions::default();
    let shared = decode_share(&encode_share(&Assessment::default(), undated, None))
        .and_then(|e| e.finish(None))
        .unwrap();
    assert_eq!(shared.made_on, "");
    assert!(!shared.includes_notes);
}

const TOKEN: [u8; 8] = [0x3f, 0x09, 0xa1, 0xc4, 0xe8, 0x7b, 0x2d, 0x56];

#[test]
fn a_respondent_token_travels_in_format_2_and_a_link_without_one_stays_format_1() {
    let mut a = raccoons_inc();
    let without = encode_share(&a, options(true), None);
    a.respondent = Some(RespondentToken::from_bytes(TOKEN));
    let with = encode_share(&a, options(true), None);

    let opened = decode_share(&with).and_then(|e| e.finish(None)).unwrap();
    assert_eq!(opened.format_version, 2);
    assert_eq!(opened.assessment, a);
    let old = decode_share(&without).and_then(|e| e.finish(None)).unwrap();
    assert_eq!(old.format_version, 1);
    assert_eq!(old.assessment.respondent, None);

    // The token is the 8 bytes after the date, flagged; nothing else moves.
    let (with, without) = (
        share_payload_bytes(&with).unwrap(),
        share_payload_bytes(&without).unwrap(),
    );
    assert_eq!((with[0], without[0]), (2, 1));
    let at = with.windows(8).position(|w| w == TOKEN);
    // Version, rest (2 bytes), model 1.0 (2), flags, the date (the day as a 2-byte varint).
    assert_eq!(at, Some(8));
    assert_eq!(with[5] & FLAG_RESPONDENT, FLAG_RESPONDENT);
    assert_eq!(without[5] & FLAG_RESPONDENT, 0);
}

#[test]
fn a_token_where_its_format_has_none_or_a_format_2_link_without_one_is_damaged() {
    let flagged = |version: u8, flags: u8, token: &[u8]| {
        let mut c = vec![1, 0, flags, 0];
        c.extend_from_slice(token);
        put_structure(&mut c, &Assessment::default(), false);
        c.extend_from_slice(&[0; 4]);
        seal(version, c)
    };
    assert_eq!(
        decode_share(&flagged(1, FLAG_RESPONDENT, &TOKEN)).map(|_| ()),
        Err(ShareError::Damaged)
    );
    assert_eq!(
        decode_share(&flagged(2, 0, &[])).map(|_| ()),
        Err(ShareError::Damaged)
    );
    let opened = decode_share(&flagged(2, FLAG_RESPONDENT, &TOKEN))
        .and_then(|e| e.finish(None))
        .unwrap();
    assert_eq!(
        opened.assessment.respondent,
        Some(RespondentToken::from_bytes(TOKEN))
    );
    // A token cut short leaves the structure without its bytes.
    assert_eq!(
        decode_share(&flagged(2, FLAG_RESPONDENT, &TOKEN[..3])).map(|_| ()),
        Err(ShareError::Damaged)
    );
}

/// The Raccoons with evidence details on two items (one without a link, one dated only).
fn with_evidence() -> Assessment {
    use crate::domain::model::evidence::EvidenceDetails;
    let mut a = raccoons_inc();
    a.evidence.insert(
        RED_FLAGS[0].question.id.to_string(),
        EvidenceDetails {
            who: "Ana Keller, COO".into(),
            when: "2026-10-01".into(),
            link: "https://wiki.raccoons.example/koom/minutes?m=3#a".into(),
            review_by: "2026-11-15".into(),
        },
    );
    a.evidence.insert(
        PRECONDITIONS[1].id.to_string(),
        EvidenceDetails {
            review_by: "2027-02-01".into(),
            ..EvidenceDetails::default()
        },
    );
    a
}

#[test]
fn evidence_details_travel_with_notes_in_format_3_and_a_link_without_them_is_as_before() {
    let a = with_evidence();
    for token in [None, Some(RespondentToken::from_bytes(TOKEN))] {
        let a = Assessment {
            respondent: token,
            ..a.clone()
        };
        let link = encode_share(&a, options(true), None);
        let opened = decode_share(&link).and_then(|e| e.finish(None)).unwrap();
        assert_eq!(opened.format_version, 3);
        assert_eq!(opened.assessment, a, "every detail, whole");
        assert_eq!(share_payload_bytes(&link).unwrap()[0], 3);

        // Without notes the details stay behind, and the link is the format it was.
        let bare = encode_share(&a, options(false), None);
        let opened = decode_share(&bare).and_then(|e| e.finish(None)).unwrap();
        assert!(opened.assessment.evidence.is_empty());
        assert_eq!(opened.format_version, if token.is_some() { 2 } else { 1 });
        assert_eq!(
            bare,
            encode_share(
                &Assessment {
                    evidence: Default::default(),
                    ..a.clone()
                },
                options(false),
                None
            )
        );
    }
    // Compressed, too: the texts (who, link) go through the text block.
    let deflate = |b: &[u8]| miniz_oxide::deflate::compress_to_vec(b, 6);
    let packed = encode_share(&a, options(true), Some(&deflate));
    let envelope = decode_share(&packed).unwrap();
    let inflated = envelope
        .needs_inflate()
        .then(|| miniz_oxide::inflate::decompress_to_vec(envelope.text_block()).unwrap());
    assert_eq!(envelope.finish(inflated).unwrap().assessment, a);
}

#[test]
fn a_format_3_link_without_its_evidence_or_with_a_link_of_another_scheme_is_damaged() {
    let link = encode_share(&with_evidence(), options(true), None);
    let bytes = share_payload_bytes(&link).unwrap();
    let body = &bytes[..bytes.len() - 4];
    let reseal = |body: Vec<u8>| seal_share_bytes(&body);
    // The evidence flag taken away from a format-3 link.
    let mut unflagged = body.to_vec();
    unflagged[5] &= !FLAG_EVIDENCE;
    assert_eq!(
        decode_share(&reseal(unflagged)).map(|_| ()),
        Err(ShareError::Damaged)
    );
    // The evidence flag in a format-2 link.
    let mut older = body.to_vec();
    older[0] = 2;
    assert_eq!(
        decode_share(&reseal(older)).map(|_| ()),
        Err(ShareError::Damaged)
    );
    // A javascript: link of the same length in place of the https one.
    let https = b"https://wiki.raccoons.example/koom/minutes?m=3#a";
    let at = body.windows(https.len()).position(|w| w == https).unwrap();
    let mut evil = body.to_vec();
    let script = b"javascript:alert(1)//////////////////////////////";
    evil[at..at + https.len()].copy_from_slice(&script[..https.len()]);
    assert_eq!(
        decode_share(&reseal(evil))
            .and_then(|e| e.finish(None))
            .map(|_| ()),
        Err(ShareError::Damaged)
    );
}
