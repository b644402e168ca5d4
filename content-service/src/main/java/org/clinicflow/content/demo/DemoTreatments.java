package org.clinicflow.content.demo;

import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.content.treatment.Section;
import org.clinicflow.content.treatment.TreatmentContent;

import java.util.EnumMap;
import java.util.List;

/**
 * The demo wording. Cement augmentation is written from the facts in the project's domain notes; the other spinal
 * treatments are named with a one-line description only and say that a surgeon has yet to write them, rather than
 * make up clinical detail.
 */
final class DemoTreatments {

    static final String DEMO = "[Demo text]";

    record Demo(String slug, TreatmentContent content, boolean reviewOverdue) {
    }

    private DemoTreatments() {
    }

    static List<Demo> all() {
        return List.of(
                new Demo("balloon-kyphoplasty", kyphoplasty(), false),
                new Demo("vertebroplasty", vertebroplasty(), true),
                placeholder("lumbar-microdiscectomy", "Lumbar microdiscectomy",
                        "An operation through a small cut in the lower back to remove the piece of disc that is "
                                + "pressing on a nerve."),
                placeholder("facet-joint-injection", "Facet joint injection",
                        "An injection into the small joints at the back of the spine, to find out whether they "
                                + "cause the pain and to ease it."),
                placeholder("lumbar-decompression", "Lumbar decompression",
                        "An operation to make more room for the nerves in a narrowed lower spine."));
    }

    private static TreatmentContent kyphoplasty() {
        var sections = new EnumMap<Section, String>(Section.class);
        sections.put(Section.PURPOSE, demo("""
                For a broken vertebra (a bone of the spine) that has been squashed and is still painful because it has
                not healed. Such *compression fractures* are common in older people whose bones are thin from
                osteoporosis, and in women after the menopause. The treatment can be done from a few weeks to a few
                months after the fracture.
                """));
        sections.put(Section.PROCEDURE, demo("""
                You lie on your front in hospital. Guided by live X-ray pictures, the surgeon passes fine needles
                through the skin of your back into the broken vertebra.

                1. One or two small balloons go in through the needles and are blown up. They make a space inside the
                   bone and lift it back towards its proper height.
                2. The balloons are let down and taken out.
                3. The space is filled with bone cement, which sets and holds the bone steady.

                It takes about a quarter of an hour. You are awake with a local anaesthetic and medicine to relax
                you, not put to sleep, which is why it suits people who are frail or elderly. The clinic usually
                prefers this to vertebroplasty, because lifting the bone back up reduces the bend in the spine.
                """));
        sections.put(Section.OUTCOMES, demo("""
                Most people find the pain of the fracture much better almost straight away. Standing, walking and
                bending become easier, and many can take fewer painkillers or stop them.
                """));
        sections.put(Section.RISKS, demo("""
                Fewer than 1 in 100 people have a complication. Those possible include cement leaking out of the bone,
                infection, damage to a nerve, a leak of the fluid around the spine, pain that stays or gets worse,
                bleeding, a blood clot, and other medical problems. Very rarely the spinal cord is hurt, which could
                cause paralysis.

                The treatment mends the bone that is broken; it does **not** stop another vertebra from breaking later.
                """));
        sections.put(Section.RECOVERY, demo("""
                - You are up straight afterwards and go home a few hours later, the same day.
                - There are a few small dressings on your back and no stitches.
                - From the next day, walk and exercise, doing a little more each day.
                - While you recover, lift nothing heavy and avoid hard physical effort.
                - An ice pack helps if the area feels sore.
                - We will see you in clinic six weeks after the procedure, and we may suggest that your GP arranges a
                  bone density scan.
                """));
        sections.put(Section.FURTHER_READING, demo("""
                Ask the clinic for its patient stories and articles about cement augmentation, or talk to your
                surgeon about any question you have.
                """));
        sections.put(Section.REFERENCES, demo("""
                - NICE technology appraisal TA279: percutaneous vertebroplasty and percutaneous balloon kyphoplasty
                  for treating osteoporotic vertebral compression fractures,
                  <https://www.nice.org.uk/guidance/ta279>
                """));
        return new TreatmentContent("Balloon kyphoplasty",
                DEMO + " A short procedure for a painful vertebral compression fracture: a balloon restores some of "
                        + "the bone's height, then bone cement fills the space. Done under local anaesthetic with "
                        + "sedation; most people go home the same day.",
                new KeyFacts("About 15 minutes", "Local anaesthetic with sedation", true, "Under 1 in 100"),
                sections);
    }

    private static TreatmentContent vertebroplasty() {
        var sections = new EnumMap<Section, String>(Section.class);
        sections.put(Section.PURPOSE, demo("""
                For the same kind of fracture as balloon kyphoplasty: a squashed vertebra that is still painful
                weeks or months after it broke, most often because osteoporosis has made the bone weak.
                """));
        sections.put(Section.PROCEDURE, demo("""
                You lie on your front in hospital, and the surgeon uses live X-ray pictures to guide fine needles
                through your back into the broken bone. Bone cement is then pushed straight into the vertebra; no
                balloon is used, so the bone is steadied but not lifted. It takes about 15 minutes under local
                anaesthetic with sedation, and you go home the same day.
                """));
        sections.put(Section.OUTCOMES, demo("""
                The pain of the fracture usually eases a great deal soon after the cement sets, and moving about
                becomes easier.
                """));
        sections.put(Section.RISKS, demo("""
                Complications happen to fewer than 1 in 100 people: among them cement leaking from the bone, infection,
                nerve damage, a leak of spinal fluid, pain that continues or worsens, bleeding and blood clots; very
                rarely an injury to the spinal cord and paralysis. Other vertebrae can still break in future.
                """));
        sections.put(Section.RECOVERY, demo("""
                - Home within a few hours; small dressings, no stitches.
                - Walk from the next day and build up exercise gradually.
                - No heavy lifting or strenuous activity while you recover; an ice pack for local soreness.
                - A clinic review about six weeks later.
                """));
        sections.put(Section.FURTHER_READING, demo("""
                See the balloon kyphoplasty page for how the two procedures differ.
                """));
        sections.put(Section.REFERENCES, demo("""
                - NICE technology appraisal TA279, <https://www.nice.org.uk/guidance/ta279>
                """));
        return new TreatmentContent("Vertebroplasty",
                DEMO + " Bone cement is injected straight into a painful, unhealed compression fracture to steady "
                        + "it, without a balloon. Done under local anaesthetic with sedation; most people go home the "
                        + "same day.",
                new KeyFacts("About 15 minutes", "Local anaesthetic with sedation", true, "Under 1 in 100"),
                sections);
    }

    private static Demo placeholder(String slug, String title, String description) {
        var sections = new EnumMap<Section, String>(Section.class);
        for (Section section : Section.values()) {
            sections.put(section, DEMO + " Not written yet: a surgeon will provide this section.");
        }
        return new Demo(slug, new TreatmentContent(title, DEMO + " " + description, KeyFacts.NONE, sections), false);
    }

    private static String demo(String markdown) {
        return "*" + DEMO + "*\n\n" + markdown;
    }
}
