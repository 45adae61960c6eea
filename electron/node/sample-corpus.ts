/**
 * The articles a new user finds on first run: short reports on how Washington
 * and Seoul coordinate North Korea policy, written for Parley. The facts are
 * public record; the wording is ours.
 */
import type { ArticleInput } from '../../annotations/import/article-file';

/** The built-in sample corpus. */
export const SAMPLE_ARTICLES: readonly ArticleInput[] = [
  {
    title: 'Allies wind down the US–ROK working group',
    source: 'sample',
    text: [
      'Allies wind down the US–ROK working group',
      '',
      'Seoul, 22 June 2021. South Korea\'s nuclear envoy Noh Kyu-duk met his American counterpart Sung Kim and proposed ending the working group that the two governments set up in November 2018.',
      '',
      'The group had reviewed sanctions exemptions and inter-Korean projects case by case. Critics in Seoul, including the Ministry of Unification (통일부), said it slowed cooperation with Pyongyang; Washington argued that the forum kept the allies aligned on sanctions enforcement.',
      '',
      'Noh suggested terminating the working group and replacing it with looser consultations between the two foreign ministries. Kim agreed to review the format, and both sides said that coordination on North Korea would continue through existing channels.',
    ].join('\n'),
  },
  {
    title: 'Washington Declaration creates a Nuclear Consultative Group',
    source: 'sample',
    text: [
      'Washington Declaration creates a Nuclear Consultative Group',
      '',
      'On 26 April 2023, President Joe Biden and President Yoon Suk Yeol adopted the Washington Declaration during a state visit marking seventy years of the alliance.',
      '',
      'The declaration established the Nuclear Consultative Group, a standing body in which the two governments discuss nuclear planning on the Korean Peninsula. The United States pledged to make its strategic deployments more visible, including port calls by a ballistic missile submarine.',
      '',
      'South Korea reaffirmed its commitment to the Treaty on the Non-Proliferation of Nuclear Weapons. Yoon said that Seoul would not pursue weapons of its own, while opposition lawmakers demanded more detail on how consultations would work in a crisis.',
      '',
      'The Nuclear Consultative Group held its first meeting in Seoul on 18 July 2023.',
    ].join('\n'),
  },
  {
    title: 'Camp David summit sets a trilateral pledge to consult',
    source: 'sample',
    text: [
      'Camp David summit sets a trilateral pledge to consult',
      '',
      'Camp David, 18 August 2023. The leaders of the United States, Japan and South Korea met for their first stand-alone trilateral summit.',
      '',
      'Biden, Prime Minister Fumio Kishida and Yoon agreed to hold trilateral summits every year and adopted a commitment to consult one another promptly in response to regional threats. They also announced plans to share missile warning data on North Korean launches in real time by the end of the year.',
      '',
      'Pyongyang condemned the meeting. Analysts in Tokyo noted that the pledge stops short of a mutual defence obligation 🤝 but binds the three governments to talk before they act.',
    ].join('\r\n'),
  },
  {
    title: 'Six-Party Talks reach a joint statement',
    source: 'sample',
    text: [
      'Six-Party Talks reach a joint statement',
      '',
      'Beijing, 19 September 2005. Negotiators from China, the United States, North Korea, South Korea, Japan and Russia agreed on a joint statement at the fourth round of the Six-Party Talks.',
      '',
      'North Korea committed to abandoning all nuclear weapons and existing nuclear programmes and to returning to the Treaty on the Non-Proliferation of Nuclear Weapons. The United States affirmed that it had no intention of attacking or invading North Korea.',
      '',
      'Seoul restated its offer to supply two million kilowatts of electric power to the North. The parties agreed to implement the statement in a phased manner, "commitment for commitment, action for action".',
    ].join('\n'),
  },
];
