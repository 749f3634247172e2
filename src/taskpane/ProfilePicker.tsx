import { Body1, Caption1, makeStyles, Select, tokens, useId } from "@fluentui/react-components";
import type { Session, SessionState } from "../addin/session";
import { bandsText, format, Lang, Strings } from "../addin/i18n";
import { isProfileId, PROFILE_IDS, PROFILES } from "../engine";

const AUTOMATIC = "";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  bands: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  source: { color: tokens.colorNeutralForeground3 },
});

/** The scoring rules: the user's choice (or automatic), and the bands and source of the profile in force. */
export function ProfilePicker({ session, state, strings, lang }: { session: Session; state: SessionState; strings: Strings; lang: Lang }) {
  const styles = useStyles();
  const headingId = useId("profile-heading");
  const suggested = state.result?.suggestedProfile;
  const inForce = PROFILES[state.profile ?? suggested ?? "national"];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {strings.profile}
      </h2>
      {/* Not disabled while busy: that would drop the keyboard focus; the session ignores a change made while busy. */}
      <Select
        aria-labelledby={headingId}
        value={state.profile ?? AUTOMATIC}
        onChange={(_e, data) => void session.setProfile(isProfileId(data.value) ? data.value : null)}
      >
        <option value={AUTOMATIC}>{strings.profileAuto}</option>
        {PROFILE_IDS.map((id) => (
          <option key={id} value={id}>
            {PROFILES[id].name[lang]}
          </option>
        ))}
      </Select>
      {state.profile === null && suggested && state.result?.template && <Body1>{format(strings.profileSuggested, { name: PROFILES[suggested].name[lang] })}</Body1>}
      <dl className={styles.bands}>
        <dt className={styles.term}>{strings.profileBands}</dt>
        <dd className={styles.definition}>{bandsText(inForce, lang)}</dd>
      </dl>
      <Caption1 className={styles.source}>{inForce.source[lang]}</Caption1>
    </section>
  );
}
