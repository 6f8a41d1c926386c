import type { Localized } from '../../errors.ts';

// The shapes of expert-review aggregation: one total score per review in, a ranking out.
// Kept apart from the arithmetic so the server, the CLI and the web app can share them.

/** One expert's total score for one application. Scores are used as given: no range is assumed. */
export type ScoredReview = { app: string; expert: string; score: number };

export const rankingMethods = ['calibrated', 'mean', 'trimmed'] as const;
/**
 * calibrated: quality + expert leniency (+ expert scale) fitted jointly, the default;
 * mean: plain mean of the raw scores; trimmed: 去掉最高最低分 (the mean after dropping one
 * highest and one lowest score; applications with fewer than 3 reviews keep the plain mean).
 */
export type RankingMethod = (typeof rankingMethods)[number];

export type RankingOptions = {
  /** Default 'calibrated'. */
  method?: RankingMethod;
  /** A score threshold: pAbove is P(quality above it). Not together with cutRank. */
  cut?: number;
  /** Top N: the cut is midway between the N-th and the (N+1)-th final score. */
  cutRank?: number;
  /**
   * Ridge on leniency, in pseudo-reviews at zero leniency (default 1): an expert with n
   * reviews keeps about n/(n+ridge) of an apparent offset. 0 is allowed (offsets are still
   * centred per component); calibrated only.
   */
  ridge?: number;
  /** An application is flagged when max−min of its scores exceeds this (default: 20% of the range of all scores). */
  disagreementThreshold?: number;
  /** Fit a per-expert scale where the data supports it (default true; calibrated only). */
  scale?: boolean;
};

export type RawReview = {
  expert: string;
  score: number;
  /** Trimmed mean: the review left out. */
  dropped?: 'highest' | 'lowest';
  /** Calibrated: what this review says the application is worth once the expert's leniency (and scale) is taken out. */
  adjusted?: number;
};

export type RankedItem = {
  app: string;
  /** 1-based; never shared (ties are broken by the tie-break chain). */
  rank: number;
  /** The final score, rounded to 2 decimals for display; the order uses exactScore. */
  score: number;
  exactScore: number;
  /** Standard error of the final score; null when it cannot be estimated (no residual degrees of freedom). */
  sd: number | null;
  /** Number of reviews. */
  n: number;
  /** The reviews, by expert id. */
  raw: RawReview[];
  /** Plain mean of the raw scores (2 decimals), whatever the method, for comparison. */
  mean: number;
  /** Highest minus lowest raw score. */
  spread: number;
  /** P(the application's quality is above the cut), normal approximation; null without a cut or an sd. */
  pAbove: number | null;
  /** Index of the connected component of the application–expert review graph (0 = the largest). */
  component: number;
};

export type ExpertFit = {
  expert: string;
  n: number;
  /** Leniency in score points (at the panel's mean quality); 0 for mean and trimmed. */
  offset: number;
  /** Score points per point of quality; 1 unless fitted. */
  scale: number;
  /** Spread of this expert's residuals around their own average residual (0 with one review). */
  residualSd: number;
  /** Raised by an expert-severity or expert-inconsistent flag. */
  outlier: boolean;
};

export type FlagKind =
  /** An expert scores far above or below the other reviewers of the same applications. */
  | 'expert-severity'
  /** An expert's scores scatter much more around the consensus than the panel's do. */
  | 'expert-inconsistent'
  /** An application's reviewers disagree: max−min above the threshold. */
  | 'app-disagreement'
  /** An application has fewer reviews than most. */
  | 'app-few-reviews'
  /** An application has a single review: its result rests on one expert. */
  | 'app-single-review'
  /** The review graph falls apart: calibrated scores are comparable only within a component. */
  | 'disconnected';

export type Flag = {
  kind: FlagKind;
  app?: string;
  expert?: string;
  /** The measured quantity (points, ratio, count: see message). */
  value: number;
  threshold: number;
  message: Localized;
};

export type Ranking = {
  method: RankingMethod;
  /** Best first. */
  items: RankedItem[];
  experts: ExpertFit[];
  /** Connected components of the review graph. */
  components: number;
  /** The cut pAbove refers to, or null. */
  cut: number | null;
  /** The tie-break chain, in the order applied. */
  tieBreak: Localized[];
  /** What the method does and how accurate it is expected to be. */
  explanation: Localized;
  flags: Flag[];
};
