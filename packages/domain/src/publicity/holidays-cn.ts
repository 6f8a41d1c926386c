// The State Council's 放假安排 (国务院办公厅关于部分节假日安排的通知): holidays and the weekend
// days worked in exchange (调休). A 公示's period is counted in working days against this, so
// 2025 and 2026 carry the official notices (国办发明电〔2024〕12号; 2025年11月4日的通知).
// 2027's notice comes out late in 2026: until then it holds only the statutory days of
// 《全国年节及纪念日放假办法》 (as amended from 2025) and is marked provisional — platform admins
// replace it in the holiday calendar editor when the notice is published.

export type HolidayYearStatus = 'official' | 'provisional';
export type HolidayRange = { name: string; from: string; to: string };
export type HolidayYear = {
  year: number;
  status: HolidayYearStatus;
  /** Days off, as the notice groups them (from–to inclusive, YYYY-MM-DD). */
  holidays: HolidayRange[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workdays: string[];
  /** Where the year's dates come from. */
  source?: string;
};
export type HolidayCalendar = { years: HolidayYear[] };

export const defaultHolidayCalendar: HolidayCalendar = {
  years: [
    {
      year: 2025,
      status: 'official',
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
      holidays: [
        { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
        { name: '春节', from: '2025-01-28', to: '2025-02-04' },
        { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
        { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
        { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
        { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      status: 'official',
      source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
      holidays: [
        { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
        { name: '春节', from: '2026-02-15', to: '2026-02-23' },
        { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
        { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
        { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
        { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
        { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
    {
      year: 2027,
      status: 'provisional',
      source: '《全国年节及纪念日放假办法》规定的法定假日（国务院尚未发布2027年放假安排，无调休）',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
        // 春节 is four days from 2025: 除夕 (2027-02-05) to 正月初三 (2027-02-08).
        { name: '春节', from: '2027-02-05', to: '2027-02-08' },
        { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
        { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
        { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
        { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
      ],
      workdays: [],
    },
  ],
};
