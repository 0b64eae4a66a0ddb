import type { Session, Step } from '../api/types';
import type { Page } from '../flow/pages';
import { CaptureStep } from '../screens/capture/CaptureStep';
import { Consent } from '../screens/Consent';
import { DocumentChoice } from '../screens/DocumentChoice';
import { Handover } from '../screens/handover/Handover';
import { Instructions } from '../screens/Instructions';
import { Prerequisites } from '../screens/Prerequisites';
import { Review } from '../screens/Review';
import type { StepProps } from '../screens/step-props';
import { VideoStep } from '../screens/video/VideoStep';

interface FlowPageProps extends StepProps {
  page: Page;
  previews: Partial<Record<Step, string>>;
  onKept(depiction: Step, preview: string): void;
  onRetake(depiction: Step): void;
  onFinished(redirectUrl: string): void;
  onFollowPhone(session: Session): void;
  onStayHere(): void;
}

/** The screen for one page of the capture flow. */
export function FlowPage({
  page,
  previews,
  onKept,
  onRetake,
  onFinished,
  onFollowPhone,
  onStayHere,
  ...step
}: FlowPageProps) {
  switch (page.kind) {
    case 'prerequisites':
      return <Prerequisites {...step} />;
    case 'consent':
      return <Consent {...step} />;
    case 'handover':
      return <Handover {...step} onSession={onFollowPhone} onStayHere={onStayHere} />;
    case 'document':
      return <DocumentChoice {...step} />;
    case 'instructions':
      return <Instructions {...step} />;
    case 'capture':
      return page.depiction === 'selfieVideo' ? (
        <VideoStep {...step} onKept={onKept} onFollowPhone={onFollowPhone} />
      ) : (
        <CaptureStep {...step} depiction={page.depiction} onKept={onKept} />
      );
    case 'review':
      return <Review {...step} previews={previews} onRetake={onRetake} onFinished={onFinished} />;
  }
}
