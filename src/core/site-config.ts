/** Site-wide names shown in the header, titles and unfurls. */
export const SITE_NAME = "강의 Q&A";
export const SITE_DESCRIPTION = "Docker, Kubernetes, Helm 수업 중에 나온 질문과 답변을 주제별로 모아 검색할 수 있게 한 지식 베이스입니다.";
